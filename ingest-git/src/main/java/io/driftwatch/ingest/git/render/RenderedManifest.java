package io.driftwatch.ingest.git.render;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One Kubernetes object produced by a renderer, with the repository path of the file it came from.
 */
public record RenderedManifest(String path, ObjectNode manifest) {}
