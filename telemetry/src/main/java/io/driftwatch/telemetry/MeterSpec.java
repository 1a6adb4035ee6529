package io.driftwatch.telemetry;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import java.util.List;

/**
 * One driftwatch meter as declared in {@link MeterCatalog}: what dashboards and alert rules may
 * rely on.
 *
 * @param name the Micrometer name (dot-separated); Prometheus renders dots as underscores
 * @param baseUnit the Micrometer base unit, or null for a plain count (a unit becomes a suffix of
 *     the Prometheus name)
 * @param tagKeys every tag key the meter carries; tag values are low-cardinality, never a resource
 *     name
 */
public record MeterSpec(
    String name, Meter.Type type, String baseUnit, String description, List<String> tagKeys) {

  public MeterSpec {
    tagKeys = List.copyOf(tagKeys);
  }

  /**
   * The name as Prometheus shows it, for dashboards, alert rules and tests: a unit becomes a
   * suffix, and a counter ends in {@code _total}.
   */
  public String prometheusName() {
    return name.replace('.', '_')
        + (baseUnit == null ? "" : "_" + baseUnit)
        + (type == Meter.Type.COUNTER ? "_total" : "");
  }

  /**
   * Registers this meter as a gauge per tag combination, for binders that publish a set of rows
   * rebuilt from a compacted topic (rows of vanished combinations disappear on the next refresh).
   */
  public MultiGauge registerMultiGauge(MeterRegistry registry) {
    if (type != Meter.Type.GAUGE) {
      throw new IllegalStateException(name + " is a " + type + ", not a gauge");
    }
    return MultiGauge.builder(name).description(description).baseUnit(baseUnit).register(registry);
  }

  /** The tag values in the order of {@link #tagKeys()}, checked for number. */
  public String[] tags(String... values) {
    if (values.length != tagKeys.size()) {
      throw new IllegalArgumentException(
          name + " takes the tags " + tagKeys + ", not " + values.length + " values");
    }
    String[] pairs = new String[values.length * 2];
    for (int i = 0; i < values.length; i++) {
      pairs[2 * i] = tagKeys.get(i);
      pairs[2 * i + 1] = values[i];
    }
    return pairs;
  }
}
