package io.driftwatch.launcher.diff;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One Kubernetes object read from a file, with where it came from.
 *
 * @param manifest the object, with Secret values already replaced by their keyed HMAC
 * @param origin the file and position, such as {@code live.yaml, document 2, item 3 of the List},
 *     for error messages
 */
public record ManifestDocument(ObjectNode manifest, String origin) {}
