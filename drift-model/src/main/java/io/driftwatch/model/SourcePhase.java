package io.driftwatch.model;

/**
 * How far a source is from being authoritative. Only {@link #SYNCED} sources may prove an object
 * absent.
 */
public enum SourcePhase {
  /** A cluster informer is running its initial list; absence proves nothing yet. */
  LISTING,
  /** A Git source is rendering a new commit; its set of objects is incomplete. */
  RENDERING,
  /** The source's full set has been published: an object it lacks is really absent. */
  SYNCED,
  /** A cluster watch was lost (410 Gone, dropped connection) and is listing again. */
  RELISTING,
  /**
   * The source could not be read or rendered; the message says why and the previous state stands.
   */
  FAILED
}
