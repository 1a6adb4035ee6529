package io.driftwatch.model;

/**
 * Whether a commit is signed, as ingest-git saw it. Nothing configures trusted keys yet, so today a
 * commit is either {@link #UNSIGNED} or {@link #SIGNED}, never {@link #VERIFIED}.
 */
public enum CommitSignature {
  /** The commit carries no signature. */
  UNSIGNED,
  /** The commit carries a signature (gpgsig header) that has not been checked against any key. */
  SIGNED,
  /** The signature checks out against a configured trusted key; no key configuration exists yet. */
  VERIFIED
}
