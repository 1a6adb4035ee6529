package io.driftwatch.diff.managed;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.model.FieldOwner;

/**
 * One entry of {@code metadata.managedFields}: a field manager and the FieldsV1 set it owns.
 *
 * @param owner manager, operation and time, as reported on a difference
 * @param fieldsV1 the FieldsV1 object ({@code {"f:spec": {"f:replicas": {}}}})
 */
public record ManagedFieldsEntry(FieldOwner owner, JsonNode fieldsV1) {}
