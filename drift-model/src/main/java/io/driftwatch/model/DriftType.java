package io.driftwatch.model;

/** How desired and live disagree for one resource. */
public enum DriftType {
  /** They agree after normalisation. */
  NONE,
  /** Both exist and at least one field Git declares differs live. */
  MODIFIED,
  /** Git declares the object and the cluster does not have it. */
  MISSING_LIVE,
  /** The object carries a reconciler's ownership marks but is no longer in Git. */
  EXTRA_LIVE
}
