package io.driftwatch.drift.remediation;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.model.DesiredState;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.ValueTimestampHeaders;

/**
 * Reads a resource's labels from the desired KTable's store, the labels Git declares. The DSL
 * materialises the table as a timestamped store (or, with {@code dsl.store.format=HEADERS}, one
 * that also keeps headers), so the stored value is unwrapped whichever format it is in.
 */
final class DesiredLabels {

  private DesiredLabels() {}

  /** The {@code metadata.labels} object of the stored desired manifest, or null when none. */
  static JsonNode of(Object stored) {
    Object value = stored;
    if (stored instanceof ValueAndTimestamp<?> timestamped) {
      value = timestamped.value();
    } else if (stored instanceof ValueTimestampHeaders<?> withHeaders) {
      value = withHeaders.value();
    }
    if (value instanceof DesiredState desired && desired.manifest() != null) {
      JsonNode labels = desired.manifest().path("metadata").path("labels");
      return labels.isObject() ? labels : null;
    }
    return null;
  }
}
