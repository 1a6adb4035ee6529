package io.driftwatch.diff.compare;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One differing field as the comparator finds it, before attribution.
 *
 * @param path JSON Pointer into desired, or into live for a field only live has
 * @param desired the desired value, or null when Git does not declare the field
 * @param live the live value, or null when the cluster lacks it
 * @param livePointer where the field sits in live (list indices of the matched live items), or null
 *     when live has no such field, so that nobody can own it
 */
public record Difference(String path, JsonNode desired, JsonNode live, String livePointer) {}
