package io.driftwatch.model.topic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics that are missing, with their configs, and refuses to go on when the topics
 * that drift-stream joins by key do not have the same partition count. Existing topics are never
 * altered: changing partitions re-homes keys, which an operator must decide.
 */
public final class TopicProvisioner {

  private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

  private final Admin admin;
  private final Optional<Integer> partitions;
  private final Optional<Short> replicationFactor;
  private final Duration timeout;

  /**
   * @param partitions partition count for every created topic, or empty for each topic's default
   * @param replicationFactor replication factor for created topics, or empty for the broker's
   *     default
   */
  public TopicProvisioner(
      Admin admin,
      Optional<Integer> partitions,
      Optional<Short> replicationFactor,
      Duration timeout) {
    this.admin = admin;
    this.partitions = partitions;
    this.replicationFactor = replicationFactor;
    this.timeout = timeout;
  }

  /**
   * Creates each missing topic, then checks co-partitioning.
   *
   * @return the names of the topics this call created
   * @throws TopicLayoutException when desired and live are not co-partitioned, or the cluster
   *     cannot be reached
   */
  public List<String> ensure(Collection<Topic<?, ?>> topics) {
    Set<String> existing = call(admin.listTopics().names(), "list topics");
    List<NewTopic> missing = new ArrayList<>();
    for (Topic<?, ?> topic : topics) {
      if (!existing.contains(topic.name())) {
        missing.add(newTopic(topic));
      }
    }
    List<String> created = new ArrayList<>();
    if (!missing.isEmpty()) {
      CreateTopicsResult result = admin.createTopics(missing);
      for (Map.Entry<String, org.apache.kafka.common.KafkaFuture<Void>> entry :
          result.values().entrySet()) {
        try {
          entry.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
          created.add(entry.getKey());
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new TopicLayoutException(
                "Cannot create topic " + entry.getKey() + ": " + e.getCause().getMessage(),
                e.getCause());
          }
        } catch (TimeoutException e) {
          throw unreachable("create topic " + entry.getKey(), e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new TopicLayoutException("Interrupted while creating topic " + entry.getKey(), e);
        }
      }
      if (!created.isEmpty()) {
        LOG.info("Created topics {}", created);
      }
    }
    checkCopartitioned(Topics.copartitioned());
    return created;
  }

  /** Refuses topics joined by key whose partition counts differ, saying how to repair them. */
  public void checkCopartitioned(List<? extends Topic<?, ?>> joined) {
    List<String> names = joined.stream().map(Topic::name).toList();
    Map<String, TopicDescription> descriptions = describe(names);
    Map<String, Integer> counts = new HashMap<>();
    descriptions.forEach((name, description) -> counts.put(name, description.partitions().size()));
    Set<Integer> distinct = Set.copyOf(counts.values());
    if (distinct.size() <= 1) {
      return;
    }
    int wanted = distinct.stream().max(Integer::compare).orElseThrow();
    String layout =
        names.stream().map(n -> n + " has " + counts.get(n)).collect(Collectors.joining(", "));
    String fixes =
        names.stream()
            .filter(n -> counts.get(n) < wanted)
            .map(
                n ->
                    "kafka-topics.sh --bootstrap-server <servers> --alter --topic "
                        + n
                        + " --partitions "
                        + wanted)
            .collect(Collectors.joining("; "));
    throw new TopicLayoutException(
        "Topics "
            + names
            + " must have the same partition count, because drift-stream joins them by resource key, but "
            + layout
            + ". Fix: "
            + fixes
            + ", then restart ingest-git and ingest-cluster so that every key is republished to its new partition"
            + " (or delete these topics and let driftwatch recreate them with kafka.partitions set).");
  }

  /**
   * Describes topics, waiting while a topic just created is not yet known to the broker that
   * answers (its metadata reaches the brokers a moment after the creation returns).
   */
  private Map<String, TopicDescription> describe(List<String> names) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        return call(admin.describeTopics(names).allTopicNames(), "describe topics " + names);
      } catch (TopicLayoutException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)
            || System.nanoTime() > deadline) {
          throw e;
        }
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TopicLayoutException("Interrupted while trying to describe topics " + names, e);
      }
    }
  }

  private NewTopic newTopic(Topic<?, ?> topic) {
    Map<String, String> configs = new HashMap<>();
    configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, topic.cleanupPolicy().config());
    if (topic.retention() != null) {
      configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(topic.retention().toMillis()));
    }
    return new NewTopic(
            topic.name(), Optional.of(partitions.orElse(topic.partitions())), replicationFactor)
        .configs(configs);
  }

  private <T> T call(org.apache.kafka.common.KafkaFuture<T> future, String what) {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new TopicLayoutException(
          "Cannot " + what + ": " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw unreachable(what, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TopicLayoutException("Interrupted while trying to " + what, e);
    }
  }

  private TopicLayoutException unreachable(String what, Exception cause) {
    return new TopicLayoutException(
        "Kafka did not answer within "
            + timeout.toSeconds()
            + " s when trying to "
            + what
            + ": check kafka.bootstrapServers and that the brokers are reachable from this host",
        cause);
  }
}
