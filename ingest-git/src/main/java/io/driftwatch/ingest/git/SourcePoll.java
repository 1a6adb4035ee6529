package io.driftwatch.ingest.git;

/**
 * What one poll of one source did.
 *
 * @param sourceId the source
 * @param commit the commit its ref pointed at, or null when it could not be fetched
 * @param newCommit false when the commit had already been published by this instance, so nothing
 *     was rendered
 * @param published objects sent because they were new or changed
 * @param tombstoned objects withdrawn
 * @param errors render errors sent to the dead-letter topic
 * @param failure why the source failed, or null
 */
public record SourcePoll(
    String sourceId,
    String commit,
    boolean newCommit,
    int published,
    int tombstoned,
    int errors,
    String failure) {

  /** True when the source could not be fetched, rendered or published. */
  public boolean failed() {
    return failure != null;
  }
}
