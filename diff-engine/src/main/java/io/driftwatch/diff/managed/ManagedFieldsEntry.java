package io.driftwatch.diff.managed;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.model.FieldOwner;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * One entry of {@code metadata.managedFields}: a field manager and the FieldsV1 set it owns.
 *
 * @param manager the field manager, such as {@code kubectl-scale}
 * @param operation {@code Apply} or {@code Update}
 * @param time when the manager last changed its fields, as the API server wrote it, or null
 * @param fieldsV1 the FieldsV1 object ({@code {"f:spec": {"f:replicas": {}}}})
 */
public record ManagedFieldsEntry(String manager, String operation, String time, JsonNode fieldsV1) {

  /**
   * Manager, operation and time, as reported on a difference; an unreadable time is null. Parsed on
   * demand, because most comparisons attribute nothing.
   */
  public FieldOwner owner() {
    return new FieldOwner(manager, operation, instant());
  }

  /** The time as an instant, or null when absent or unreadable. */
  public Instant instant() {
    if (time == null) {
      return null;
    }
    try {
      return Instant.parse(time);
    } catch (DateTimeParseException unreadable) {
      return null;
    }
  }
}
