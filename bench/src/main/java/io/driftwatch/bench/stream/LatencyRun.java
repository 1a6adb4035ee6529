package io.driftwatch.bench.stream;

import io.driftwatch.model.KafkaSettings;
import io.driftwatch.model.LiveState;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntUnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Offers live changes at a fixed rate and times each one until a read_committed consumer of the
 * output topic sees a record for the same resource: the latency a user of the output topic
 * experiences, exactly-once commit included. Each change must produce exactly one output record for
 * its resource, and a resource is changed again only long after (at least one second later), so a
 * record is matched to the change that caused it by resource key.
 */
final class LatencyRun {

  /** What one run measured. Latencies in milliseconds, sorted. */
  record Result(
      int offered,
      double offeredPerSecond,
      int matched,
      int unmatched,
      int unexpected,
      double[] latenciesMillis) {

    double percentile(double p) {
      if (latenciesMillis.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.ceil(p / 100.0 * latenciesMillis.length) - 1;
      return latenciesMillis[Math.max(0, Math.min(index, latenciesMillis.length - 1))];
    }
  }

  private static final Duration SETTLE = Duration.ofSeconds(30);

  private final KafkaSettings kafka;
  private final String outputTopic;
  private final GeneratedResources resources;
  private final int resourceCount;

  LatencyRun(
      KafkaSettings kafka, String outputTopic, GeneratedResources resources, int resourceCount) {
    this.kafka = kafka;
    this.outputTopic = outputTopic;
    this.resources = resources;
    this.resourceCount = resourceCount;
  }

  /**
   * Sends {@code rate × duration} live changes, numbered on from {@code firstChange}: change {@code
   * j} goes to resource {@code j mod resources} with the replicas {@code replicasForRound} gives
   * for round {@code j / resources}. Waits up to 30 s after the last for the outputs.
   */
  Result run(int rate, Duration duration, long firstChange, IntUnaryOperator replicasForRound)
      throws Exception {
    int total = (int) (rate * duration.toSeconds());
    Map<ResourceKey, Long> pending = new ConcurrentHashMap<>();
    long[] latencies = new long[total];
    AtomicLong matched = new AtomicLong();
    AtomicLong unexpected = new AtomicLong();
    AtomicBoolean stop = new AtomicBoolean();
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (PartitionInfo p : consumer.partitionsFor(outputTopic)) {
        partitions.add(new TopicPartition(outputTopic, p.partition()));
      }
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position);
      Thread reader =
          new Thread(
              () -> {
                while (!stop.get()) {
                  for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(20))) {
                    long now = System.nanoTime();
                    ResourceKey key =
                        Topics.DRIFT_EVENTS
                            .keySerde()
                            .deserializer()
                            .deserialize(outputTopic, r.key());
                    Long sent = pending.remove(key);
                    if (sent == null) {
                      unexpected.incrementAndGet();
                    } else {
                      latencies[(int) matched.getAndIncrement()] = now - sent;
                    }
                  }
                }
              },
              "latency-reader");
      reader.start();
      long start;
      long end;
      try (KafkaProducer<ResourceKey, LiveState> producer = producer()) {
        long interval = 1_000_000_000L / rate;
        start = System.nanoTime();
        for (int j = 0; j < total; j++) {
          long due = start + j * interval;
          long wait = due - System.nanoTime();
          if (wait > 0) {
            LockSupport.parkNanos(wait);
          }
          long change = firstChange + j;
          int i = (int) (change % resourceCount);
          LiveState live =
              resources.live(i, replicasForRound.applyAsInt((int) (change / resourceCount)));
          pending.put(live.key(), System.nanoTime());
          producer.send(new ProducerRecord<>(Topics.LIVE_STATE.name(), live.key(), live));
        }
        end = System.nanoTime();
      }
      long settleUntil = System.nanoTime() + SETTLE.toNanos();
      while (!pending.isEmpty() && System.nanoTime() < settleUntil) {
        Thread.sleep(20);
      }
      Thread.sleep(500);
      stop.set(true);
      reader.join();
      int count = (int) matched.get();
      double[] millis = new double[count];
      for (int k = 0; k < count; k++) {
        millis[k] = latencies[k] / 1e6;
      }
      Arrays.sort(millis);
      double seconds = (end - start) / 1e9;
      return new Result(
          total, total / seconds, count, pending.size(), (int) unexpected.get(), millis);
    }
  }

  private KafkaConsumer<byte[], byte[]> consumer() {
    Properties props = kafka.clientConfig();
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private KafkaProducer<ResourceKey, LiveState> producer() {
    Properties props = kafka.clientConfig();
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
    return new KafkaProducer<>(
        props,
        Topics.LIVE_STATE.keySerde().serializer(),
        Topics.LIVE_STATE.valueSerde().serializer());
  }
}
