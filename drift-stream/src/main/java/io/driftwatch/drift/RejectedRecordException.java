package io.driftwatch.drift;

/**
 * A record that was read but that drift-stream cannot judge: a required part is missing or
 * contradicts the rest. Throwing it from a processor sends the record to {@code
 * gitops.dead-letter.v1} with this message (see {@link DeadLetterProcessingHandler}) and processing
 * goes on with the next record. The message names the problem and, where one is known, the fix; it
 * never quotes the record's content.
 */
public final class RejectedRecordException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public RejectedRecordException(String message) {
    super(message);
  }

  /**
   * A present desired or live record that lacks its manifest. Only a tombstone (null value) means
   * "absent": reading a record without a manifest as absent would open a false {@code MISSING_LIVE}
   * or resolve a real drift, so it is refused instead.
   *
   * @param side {@code desired} or {@code live}
   * @param schemaVersion the version the record was written with
   * @param knownVersion the newest version this reader knows
   */
  public static RejectedRecordException missingManifest(
      String side, int schemaVersion, int knownVersion) {
    String cause =
        schemaVersion > knownVersion
            ? "it was written with schemaVersion "
                + schemaVersion
                + ", newer than the "
                + knownVersion
                + " this drift-stream reads, and that version no longer carries the field"
                + " where this one looks for it: upgrade drift-stream"
            : "its producer must publish a tombstone (null value) for a resource that is gone,"
                + " never a record without a manifest";
    return new RejectedRecordException(
        "the " + side + " state has no manifest, so it cannot be compared: " + cause);
  }
}
