package io.driftwatch.drift.aggregate;

import io.driftwatch.model.DriftAggregate;
import io.driftwatch.model.DriftStatus;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.serde.JsonSerde;
import io.driftwatch.model.topic.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Adds the drift aggregates to a topology: from the stream of drift status changes, the count of
 * resources per cluster, namespace, API group, kind and drift type, and the openedAt of the oldest
 * open drift per cluster and namespace, as rows of {@code gitops.drift-aggregates.v1}.
 *
 * <p>Three steps. On the resource's partition, {@link ResourceFactsProcessor} keeps each resource's
 * counted drift type and openedAt and passes on only changes of them. Counts: each change becomes a
 * -1 for the old group and a +1 for the new one, repartitioned by group and summed; a sum of 0 is
 * deleted from the store and published as a tombstone. Oldest open: each change of openedAt is
 * repartitioned by cluster and namespace into {@link OldestOpenProcessor}'s ordered index. Every
 * node, store and internal topic is named here, because generated names shift when an operator is
 * added and would orphan state on upgrade.
 */
public final class DriftAggregates {

  public static final String FACTS_PROCESSOR = "drift-aggregates-facts-processor";
  public static final String FACTS_STORE = "drift-aggregates-facts-store";
  public static final String COUNT_DELTAS = "drift-aggregates-count-deltas";
  public static final String COUNT_REPARTITION = "drift-aggregates-count-by-group";
  public static final String COUNT_GROUPED = "drift-aggregates-count-grouped";
  public static final String COUNT_AGGREGATE = "drift-aggregates-count";
  public static final String COUNT_STORE = "drift-aggregates-count-store";
  public static final String COUNT_STREAM = "drift-aggregates-count-stream";
  public static final String COUNT_ROWS = "drift-aggregates-count-rows";
  public static final String COUNT_SINK = "drift-aggregates-count-sink";
  public static final String OPEN_CHANGES = "drift-aggregates-open-changes";
  public static final String OPEN_NAMESPACE_KEY = "drift-aggregates-open-namespace-key";
  public static final String OPEN_REPARTITION = "drift-aggregates-open-by-namespace";
  public static final String OLDEST_PROCESSOR = "drift-aggregates-oldest-open-processor";
  public static final String OPEN_INDEX_STORE = "drift-aggregates-open-index-store";
  public static final String OLDEST_SINK = "drift-aggregates-oldest-open-sink";

  private static final Serde<ResourceFacts> FACTS_SERDE = JsonSerde.of(ResourceFacts.class);
  private static final Serde<FactsChange> CHANGE_SERDE = JsonSerde.of(FactsChange.class);
  private static final Serde<CountGroup> GROUP_SERDE = JsonSerde.of(CountGroup.class);

  private DriftAggregates() {}

  /**
   * Adds the aggregates, fed by {@code statusChanges}: every change published to {@code
   * gitops.drift-status.v1}, keyed by resource key, with a tombstone (null value) when a resource
   * is gone.
   */
  public static void attach(
      StreamsBuilder builder, KStream<ResourceKey, DriftStatus> statusChanges) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(FACTS_STORE),
            Topics.DRIFT_STATUS.keySerde(),
            FACTS_SERDE));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(OPEN_INDEX_STORE), Serdes.String(), Serdes.String()));

    KStream<ResourceKey, FactsChange> changes =
        statusChanges.processValues(
            () -> new ResourceFactsProcessor(FACTS_STORE), Named.as(FACTS_PROCESSOR), FACTS_STORE);
    counts(changes);
    oldestOpen(changes);
  }

  private static void counts(KStream<ResourceKey, FactsChange> changes) {
    changes
        .flatMap((key, change) -> countDeltas(change), Named.as(COUNT_DELTAS))
        .repartition(Repartitioned.with(GROUP_SERDE, Serdes.Long()).withName(COUNT_REPARTITION))
        .groupByKey(Grouped.with(GROUP_SERDE, Serdes.Long()).withName(COUNT_GROUPED))
        .aggregate(
            () -> 0L,
            // A group counting nothing is deleted, which publishes its tombstone.
            (group, delta, count) -> count + delta == 0 ? null : count + delta,
            Named.as(COUNT_AGGREGATE),
            Materialized.<CountGroup, Long, KeyValueStore<Bytes, byte[]>>as(COUNT_STORE)
                .withKeySerde(GROUP_SERDE)
                .withValueSerde(Serdes.Long()))
        .toStream(Named.as(COUNT_STREAM))
        .map(
            (group, count) -> KeyValue.pair(group.rowKey(), group.row(count)), Named.as(COUNT_ROWS))
        .to(
            Topics.DRIFT_AGGREGATES.name(),
            Produced.with(Topics.DRIFT_AGGREGATES.keySerde(), Topics.DRIFT_AGGREGATES.valueSerde())
                .withName(COUNT_SINK));
  }

  /** -1 for the group the resource leaves, +1 for the one it joins; nothing when it stays. */
  static List<KeyValue<CountGroup, Long>> countDeltas(FactsChange change) {
    DriftType before = change.previousType();
    DriftType after = change.currentType();
    if (before == after) {
      return List.of();
    }
    List<KeyValue<CountGroup, Long>> deltas = new ArrayList<>(2);
    if (before != null) {
      deltas.add(KeyValue.pair(CountGroup.of(change.key(), before), -1L));
    }
    if (after != null) {
      deltas.add(KeyValue.pair(CountGroup.of(change.key(), after), 1L));
    }
    return deltas;
  }

  private static void oldestOpen(KStream<ResourceKey, FactsChange> changes) {
    changes
        .filter(
            (key, change) -> !Objects.equals(change.previousOpenedAt(), change.currentOpenedAt()),
            Named.as(OPEN_CHANGES))
        .selectKey(
            (key, change) -> DriftAggregate.oldestOpenKey(key.cluster(), key.namespace()),
            Named.as(OPEN_NAMESPACE_KEY))
        .repartition(Repartitioned.with(Serdes.String(), CHANGE_SERDE).withName(OPEN_REPARTITION))
        .process(
            () -> new OldestOpenProcessor(OPEN_INDEX_STORE),
            Named.as(OLDEST_PROCESSOR),
            OPEN_INDEX_STORE)
        .to(
            Topics.DRIFT_AGGREGATES.name(),
            Produced.with(Topics.DRIFT_AGGREGATES.keySerde(), Topics.DRIFT_AGGREGATES.valueSerde())
                .withName(OLDEST_SINK));
  }
}
