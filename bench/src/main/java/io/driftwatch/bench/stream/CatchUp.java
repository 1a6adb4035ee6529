package io.driftwatch.bench.stream;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Whether a Streams application has consumed its input: its group's committed offsets have reached
 * the input topics' end offsets. Under exactly-once an offset is committed with the transaction
 * that holds the results, so a caught-up group has published everything its input caused.
 */
final class CatchUp {

  private static final Duration POLL = Duration.ofMillis(50);

  private final Admin admin;

  CatchUp(Admin admin) {
    this.admin = admin;
  }

  /** The current end offset of every partition of {@code topics}. */
  Map<TopicPartition, Long> endOffsets(List<String> topics) throws Exception {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    admin
        .describeTopics(topics)
        .allTopicNames()
        .get(30, TimeUnit.SECONDS)
        .forEach(
            (name, description) ->
                description
                    .partitions()
                    .forEach(
                        p ->
                            latest.put(
                                new TopicPartition(name, p.partition()), OffsetSpec.latest())));
    Map<TopicPartition, Long> ends = new HashMap<>();
    admin
        .listOffsets(latest)
        .all()
        .get(30, TimeUnit.SECONDS)
        .forEach((tp, info) -> ends.put(tp, info.offset()));
    return ends;
  }

  /**
   * Waits until {@code group} has committed at least {@code ends} on every partition.
   *
   * @return the nanoTime at which that was first seen
   * @throws IllegalStateException when it has not within {@code timeout}
   */
  long await(String group, Map<TopicPartition, Long> ends, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(group)
              .partitionsToOffsetAndMetadata()
              .get(30, TimeUnit.SECONDS);
      long behind = 0;
      for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
        OffsetAndMetadata at = committed.get(end.getKey());
        behind += Math.max(0, end.getValue() - (at == null ? 0 : at.offset()));
      }
      if (behind == 0) {
        return System.nanoTime();
      }
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException(
            group + " is still " + behind + " records behind after " + timeout);
      }
      Thread.sleep(POLL.toMillis());
    }
  }
}
