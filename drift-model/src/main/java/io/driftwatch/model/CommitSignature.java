package io.driftwatch.model;

/**
 * Whether a commit is signed, and whether its signature is trusted, as ingest-git saw it. Trusted
 * keys (OpenPGP public keys, an SSH allowed-signers file) are configured under {@code
 * security.signatures}; without them a signed commit is {@link #SIGNED}, never {@link #VERIFIED}. A
 * bad signature (one that does not match the commit, or whose key is revoked, expired or not
 * allowed) is also {@link #SIGNED}: only {@link #VERIFIED} says anything can be trusted, and
 * ingest-git logs a warning naming the source and the commit.
 */
public enum CommitSignature {
  /** The commit carries no signature. */
  UNSIGNED,
  /** The commit carries a signature (gpgsig header) that no configured key verifies. */
  SIGNED,
  /** The signature is valid over the commit and made by a configured trusted key. */
  VERIFIED
}
