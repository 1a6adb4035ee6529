package io.driftwatch.ingest.git.publish;

/**
 * What a source last published for one resource key: the hash of its content and the file it came
 * from (kept so that objects of a file that fails to render are not withdrawn).
 */
public record PublishedObject(String contentHash, String path) {}
