package io.driftwatch.ingest.git.publish;

/**
 * What publishing one commit did.
 *
 * @param published objects sent because they were new or changed
 * @param tombstoned keys withdrawn
 * @param retained objects kept although their file failed to render
 * @param errors render errors sent to the dead-letter topic
 * @param resourceCount objects the source holds after this commit
 */
public record PublishOutcome(
    int published, int tombstoned, int retained, int errors, long resourceCount) {}
