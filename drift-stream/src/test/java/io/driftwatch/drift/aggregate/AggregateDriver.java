package io.driftwatch.drift.aggregate;

import io.driftwatch.model.DriftAggregate;
import io.driftwatch.model.DriftStatus;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.SyncStatus;
import io.driftwatch.model.topic.Topics;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * A TopologyTestDriver around a topology made of a source topic of drift status changes and {@link
 * DriftAggregates#attach}, with the aggregates topic read into a table as a compacted topic keeps
 * it (latest row per key, tombstones removing it).
 */
final class AggregateDriver implements AutoCloseable {

  static final String STATUS_CHANGES = "test.drift-status-changes";
  static final String STATUS_SOURCE = "test-status-changes-source";
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private final TopologyTestDriver driver;
  private final TestInputTopic<ResourceKey, DriftStatus> statuses;
  private final TestOutputTopic<String, DriftAggregate> aggregates;
  private final Map<String, DriftAggregate> table = new TreeMap<>();
  private final List<KeyValue<String, DriftAggregate>> published = new ArrayList<>();

  AggregateDriver(Path stateDir) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "drift-aggregates-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    driver = new TopologyTestDriver(topology(props), props, T0);
    statuses =
        driver.createInputTopic(
            STATUS_CHANGES,
            Topics.DRIFT_STATUS.keySerde().serializer(),
            Topics.DRIFT_STATUS.valueSerde().serializer());
    aggregates =
        driver.createOutputTopic(
            Topics.DRIFT_AGGREGATES.name(),
            Topics.DRIFT_AGGREGATES.keySerde().deserializer(),
            Topics.DRIFT_AGGREGATES.valueSerde().deserializer());
  }

  /** The source topic and the aggregates, built with explicit naming enforced. */
  static Topology topology(Properties props) {
    return topology(props, STATUS_CHANGES);
  }

  /** A source topic of drift status changes and the aggregates. */
  static Topology topology(Properties props, String sourceTopic) {
    StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(props)));
    KStream<ResourceKey, DriftStatus> changes =
        builder.stream(
            sourceTopic,
            Consumed.with(Topics.DRIFT_STATUS.keySerde(), Topics.DRIFT_STATUS.valueSerde())
                .withName(STATUS_SOURCE));
    DriftAggregates.attach(builder, changes);
    return builder.build();
  }

  void publish(ResourceKey key, DriftStatus status) {
    statuses.pipeInput(key, status);
    drain();
  }

  void forget(ResourceKey key) {
    publish(key, null);
  }

  /** The aggregates topic as compaction keeps it. */
  Map<String, DriftAggregate> table() {
    drain();
    return table;
  }

  /** Every record published since the last call, tombstones included. */
  List<KeyValue<String, DriftAggregate>> takePublished() {
    drain();
    List<KeyValue<String, DriftAggregate>> taken = List.copyOf(published);
    published.clear();
    return taken;
  }

  TopologyTestDriver driver() {
    return driver;
  }

  /** The exact number of entries in a store (RocksDB's own figure is an estimate). */
  long entries(String storeName) {
    StateStore store = driver.getAllStateStores().get(storeName);
    long entries = 0;
    try (KeyValueIterator<?, ?> all = ((ReadOnlyKeyValueStore<?, ?>) store).all()) {
      while (all.hasNext()) {
        all.next();
        entries++;
      }
    }
    return entries;
  }

  private void drain() {
    while (!aggregates.isEmpty()) {
      KeyValue<String, DriftAggregate> record = aggregates.readKeyValue();
      published.add(record);
      if (record.value == null) {
        table.remove(record.key);
      } else {
        table.put(record.key, record.value);
      }
    }
  }

  static DriftStatus drifted(ResourceKey key, DriftType type, Instant openedAt) {
    return DriftStatus.of(
        key, SyncStatus.OUT_OF_SYNC, type, List.of(), "abc", openedAt, openedAt, openedAt, null);
  }

  static DriftStatus synced(ResourceKey key, Instant at) {
    return DriftStatus.of(key, SyncStatus.SYNCED, DriftType.NONE, List.of(), "abc", at, at);
  }

  @Override
  public void close() {
    driver.close();
  }
}
