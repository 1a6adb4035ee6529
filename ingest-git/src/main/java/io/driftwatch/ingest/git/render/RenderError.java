package io.driftwatch.ingest.git.render;

/**
 * Why (part of) one file could not be rendered. The reason names the document and the problem but
 * never quotes the file's content, which may hold Secret values.
 *
 * @param path the repository path of the file
 * @param reason what is wrong and, where known, how to fix it
 */
public record RenderError(String path, String reason) {}
