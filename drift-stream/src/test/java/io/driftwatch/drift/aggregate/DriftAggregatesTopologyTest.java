package io.driftwatch.drift.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.model.DriftStatus;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.topic.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

class DriftAggregatesTopologyTest {

  private static final Set<String> STORES =
      Set.of(
          DriftAggregates.FACTS_STORE,
          DriftAggregates.COUNT_STORE,
          DriftAggregates.OPEN_INDEX_STORE);
  private static final Set<String> REPARTITION_TOPICS =
      Set.of(
          DriftAggregates.COUNT_REPARTITION + "-repartition",
          DriftAggregates.OPEN_REPARTITION + "-repartition");

  @Test
  void everyStoreAndInternalTopicHasItsExplicitName() {
    Topology topology = AggregateDriver.topology(namingEnforced());

    assertThat(stores(topology)).isEqualTo(STORES);
    assertThat(repartitionTopics(topology)).isEqualTo(REPARTITION_TOPICS);
    assertThat(sinkTopics(topology))
        .containsOnly(Topics.DRIFT_AGGREGATES.name())
        .hasSameSizeAs(REPARTITION_TOPICS);
  }

  /**
   * In drift-stream, status changes come out of the episode processor, a key-changing node as far
   * as Kafka Streams knows; a key-based operation on them would add a repartition topic of its own.
   */
  @Test
  void statusChangesFromAProcessorAddNoFurtherRepartitionTopic() {
    Properties props = namingEnforced();
    StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(props)));
    KStream<ResourceKey, DriftStatus> changes =
        builder.stream(
                AggregateDriver.STATUS_CHANGES,
                Consumed.with(Topics.DRIFT_STATUS.keySerde(), Topics.DRIFT_STATUS.valueSerde())
                    .withName(AggregateDriver.STATUS_SOURCE))
            .process(PassThrough::new, Named.as("episode-stand-in"));

    DriftAggregates.attach(builder, changes);
    Topology topology = builder.build();

    assertThat(repartitionTopics(topology)).isEqualTo(REPARTITION_TOPICS);
    assertThat(stores(topology)).isEqualTo(STORES);
  }

  private static Properties namingEnforced() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "drift-aggregates-naming");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    return props;
  }

  private static Set<String> stores(Topology topology) {
    Set<String> stores = new TreeSet<>();
    for (TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
      for (TopologyDescription.Node node : sub.nodes()) {
        if (node instanceof TopologyDescription.Processor processor) {
          stores.addAll(processor.stores());
        }
      }
    }
    return stores;
  }

  private static Set<String> repartitionTopics(Topology topology) {
    Set<String> topics = new TreeSet<>();
    for (TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
      for (TopologyDescription.Node node : sub.nodes()) {
        if (node instanceof TopologyDescription.Sink sink
            && sink.topic().endsWith("-repartition")) {
          topics.add(sink.topic());
        }
      }
    }
    return topics;
  }

  private static List<String> sinkTopics(Topology topology) {
    List<String> topics = new ArrayList<>();
    for (TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
      for (TopologyDescription.Node node : sub.nodes()) {
        if (node instanceof TopologyDescription.Sink sink
            && !sink.topic().endsWith("-repartition")) {
          topics.add(sink.topic());
        }
      }
    }
    return topics;
  }

  /** Stands in for drift-stream's episode processor: forwards what it gets. */
  private static final class PassThrough
      implements Processor<ResourceKey, DriftStatus, ResourceKey, DriftStatus> {
    private ProcessorContext<ResourceKey, DriftStatus> context;

    @Override
    public void init(ProcessorContext<ResourceKey, DriftStatus> context) {
      this.context = context;
    }

    @Override
    public void process(Record<ResourceKey, DriftStatus> record) {
      context.forward(record);
    }
  }
}
