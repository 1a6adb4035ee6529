package io.driftwatch.ingest.cluster.kinds;

import io.driftwatch.model.DesiredState;
import io.driftwatch.model.KafkaSettings;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.topic.Topics;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kinds each cluster's desired state holds, read from {@code gitops.desired-state.v1} from the
 * beginning and then followed, on its own thread: every group and kind that appears in a record
 * keyed for a cluster, with the apiVersion Git writes it in. A kind is never forgotten while
 * running (a tombstone does not remove it), so that objects of a kind Git stopped declaring can
 * still be seen. Parses only keys, and a value only the first time its kind shows. Listeners of a
 * cluster are told after each batch that brought it a new kind.
 */
public final class DesiredKindsSource implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DesiredKindsSource.class);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration RETRY = Duration.ofSeconds(2);

  private final KafkaSettings kafka;
  private final Map<String, Map<GroupKind, DesiredKind>> kindsByCluster = new ConcurrentHashMap<>();
  private final Map<String, List<Runnable>> listeners = new ConcurrentHashMap<>();
  private final Thread thread;
  private volatile boolean running;
  private volatile KafkaConsumer<byte[], byte[]> consumer;

  public DesiredKindsSource(KafkaSettings kafka) {
    this.kafka = Objects.requireNonNull(kafka, "kafka");
    this.thread = new Thread(this::run, "driftwatch-ingest-cluster-desired-kinds");
    thread.setDaemon(true);
  }

  /** Starts reading; returns at once. */
  public void start() {
    running = true;
    thread.start();
  }

  /** The kinds of this cluster's desired state seen so far, as first seen. */
  public Map<GroupKind, DesiredKind> kinds(String cluster) {
    Map<GroupKind, DesiredKind> kinds = kindsByCluster.get(cluster);
    return kinds == null ? Map.of() : Map.copyOf(kinds);
  }

  /** Runs {@code listener} (on the reading thread) each time this cluster gains a kind. */
  public void onNewKinds(String cluster, Runnable listener) {
    listeners.computeIfAbsent(cluster, c -> new CopyOnWriteArrayList<>()).add(listener);
  }

  private void run() {
    try (KafkaConsumer<byte[], byte[]> created =
        new KafkaConsumer<>(
            consumerConfig(), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer = created;
      if (!running) {
        return;
      }
      assignAll(created);
      while (running) {
        Set<String> grown = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> record : created.poll(POLL)) {
          String cluster = apply(record);
          if (cluster != null) {
            grown.add(cluster);
          }
        }
        for (String cluster : grown) {
          listeners.getOrDefault(cluster, List.of()).forEach(DesiredKindsSource::notify);
        }
      }
    } catch (WakeupException e) {
      // close() asked the poll to stop.
    } catch (RuntimeException e) {
      LOG.error(
          "ingest-cluster stopped reading {}: {}; kinds that appear in the desired state from now"
              + " on are not watched until a restart",
          Topics.DESIRED_STATE.name(),
          e.toString());
    }
  }

  /** Records the kind of one record; returns its cluster when that cluster gained a kind. */
  private String apply(ConsumerRecord<byte[], byte[]> record) {
    if (record.value() == null || record.key() == null) {
      return null;
    }
    String topic = record.topic();
    ResourceKey key;
    try {
      key = Topics.DESIRED_STATE.keySerde().deserializer().deserialize(topic, record.key());
    } catch (RuntimeException e) {
      LOG.warn(
          "Skipping record {}-{}@{} with an unreadable key",
          topic,
          record.partition(),
          record.offset());
      return null;
    }
    GroupKind kind = new GroupKind(key.group(), key.kind());
    Map<GroupKind, DesiredKind> kinds =
        kindsByCluster.computeIfAbsent(key.cluster(), c -> new ConcurrentHashMap<>());
    if (kinds.containsKey(kind)) {
      return null;
    }
    String apiVersion = apiVersion(record, key);
    if (apiVersion == null) {
      return null;
    }
    kinds.put(kind, new DesiredKind(apiVersion, !key.clusterScoped()));
    return key.cluster();
  }

  private static String apiVersion(ConsumerRecord<byte[], byte[]> record, ResourceKey key) {
    try {
      DesiredState state =
          Topics.DESIRED_STATE
              .valueSerde()
              .deserializer()
              .deserialize(record.topic(), record.value());
      String apiVersion =
          state == null || state.manifest() == null
              ? null
              : state.manifest().path("apiVersion").asText(null);
      if (apiVersion != null && ResourceKey.groupOf(apiVersion).equals(key.group())) {
        return apiVersion;
      }
    } catch (RuntimeException e) {
      // Named below, without the content.
    }
    LOG.warn(
        "Skipping desired state {} at {}-{}@{}: no apiVersion of group '{}' in its manifest",
        key,
        record.topic(),
        record.partition(),
        record.offset(),
        key.group());
    return null;
  }

  private void assignAll(KafkaConsumer<byte[], byte[]> consumer) {
    List<PartitionInfo> partitions = List.of();
    while (running && partitions.isEmpty()) {
      try {
        partitions = consumer.partitionsFor(Topics.DESIRED_STATE.name());
      } catch (org.apache.kafka.common.errors.TimeoutException e) {
        partitions = List.of();
      }
      if (partitions == null || partitions.isEmpty()) {
        partitions = List.of();
        LOG.info("Waiting for topic {} to exist", Topics.DESIRED_STATE.name());
        sleep(RETRY);
      }
    }
    List<TopicPartition> assigned =
        partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    consumer.assign(assigned);
    consumer.seekToBeginning(assigned);
  }

  private static void notify(Runnable listener) {
    try {
      listener.run();
    } catch (RuntimeException e) {
      LOG.warn("A listener of new desired kinds failed: {}", e.toString());
    }
  }

  private Properties consumerConfig() {
    Properties props = kafka.clientConfig();
    // ingest-git publishes in transactions: never act on a kind from an aborted one.
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "driftwatch-ingest-cluster-desired-kinds");
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    return props;
  }

  private void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public void close() {
    running = false;
    KafkaConsumer<byte[], byte[]> current = consumer;
    if (current != null) {
      current.wakeup();
    }
    try {
      thread.join(Duration.ofSeconds(10).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
