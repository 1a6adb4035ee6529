package io.driftwatch.ingest.git.repo;

/**
 * What checking one signature against the configured keys found.
 *
 * @param verdict the outcome
 * @param detail the key or principal that signed ({@link Verdict#VERIFIED}), the key that is not
 *     configured ({@link Verdict#UNKNOWN_KEY}), or why the signature is bad ({@link
 *     Verdict#INVALID}); never secret
 */
record SignatureCheck(Verdict verdict, String detail) {

  /** The outcome of one check. */
  enum Verdict {
    /** Valid over the commit's payload and made by a configured key. */
    VERIFIED,
    /** Made by a key that is not configured; whether it is valid cannot (or need not) be said. */
    UNKNOWN_KEY,
    /**
     * Does not match the commit, or its key is revoked, expired or not allowed: worth a warning.
     */
    INVALID
  }

  static SignatureCheck verified(String detail) {
    return new SignatureCheck(Verdict.VERIFIED, detail);
  }

  static SignatureCheck unknownKey(String detail) {
    return new SignatureCheck(Verdict.UNKNOWN_KEY, detail);
  }

  static SignatureCheck invalid(String detail) {
    return new SignatureCheck(Verdict.INVALID, detail);
  }
}
