package io.driftwatch.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One field where desired and live disagree.
 *
 * @param path JSON Pointer (RFC 6901) into the manifest, such as {@code /spec/replicas}
 * @param desired the value Git declares, or null when Git does not declare the field
 * @param live the value in the cluster, or null when the cluster lacks the field
 */
public record FieldDiff(String path, JsonNode desired, JsonNode live) {}
