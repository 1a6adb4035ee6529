package io.driftwatch.bench.stream;

import com.sun.management.OperatingSystemMXBean;
import io.driftwatch.drift.DriftStream;
import io.driftwatch.drift.DriftStreamConfig;
import io.driftwatch.drift.DriftTopology;
import io.driftwatch.kafka.embedded.EmbeddedKafkaBroker;
import io.driftwatch.kafka.embedded.KafkaLogLevels;
import io.driftwatch.model.DesiredState;
import io.driftwatch.model.DriftEvent;
import io.driftwatch.model.DriftTransition;
import io.driftwatch.model.KafkaSettings;
import io.driftwatch.model.LiveState;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.SourceStatus;
import io.driftwatch.model.topic.TopicProvisioner;
import io.driftwatch.model.topic.Topics;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The drift-stream benchmark, three measurements in one run on an in-process Kafka broker.
 *
 * <p><b>Throughput</b>: {@code N} resources, each a live record, then its desired record (in sync),
 * then, after all of them, a live change per resource that drifts ({@code 3N} records, explicit
 * timestamps in that order) are loaded first; then an identity passthrough ({@link
 * PassthroughTopology}) and {@link DriftTopology} each consume all of it from the beginning, one
 * after the other, with the same Streams settings ({@link DriftStream#streamsProperties}: exactly
 * once, 100 ms commits, one stream thread). Each is timed from RUNNING until its group's committed
 * offsets reach the input's end; the ratio of the two rates is the result.
 *
 * <p><b>State size</b> at {@code N} resources, after the drift topology has consumed the input
 * ({@link StateSize}).
 *
 * <p><b>Latency</b>: with the drift topology caught up, live changes at a fixed offered rate, each
 * resolving or re-opening one resource's drift, timed from the send until a read_committed consumer
 * sees the drift event ({@link LatencyRun}); then the same for the passthrough, as the floor that
 * exactly-once commits and the broker set.
 *
 * <p>Run: {@code java -Xmx2g -cp bench/target/benchmarks.jar
 * io.driftwatch.bench.stream.DriftStreamHarness [--resources 100000] [--rate 5000[,2000...]]
 * [--seconds 30] [--keep]}: each rate is one latency phase of {@code --seconds}.
 */
public final class DriftStreamHarness {

  private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(20);
  private static final Duration RUNNING_TIMEOUT = Duration.ofMinutes(2);
  private static final OperatingSystemMXBean CPU =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final List<String> STORES =
      List.of(DriftTopology.DESIRED_STORE, DriftTopology.LIVE_STORE, DriftTopology.EPISODE_STORE);
  private static final int DRIFTED_REPLICAS = 3;
  private static final List<String> INPUTS =
      List.of(Topics.DESIRED_STATE.name(), Topics.LIVE_STATE.name());

  private DriftStreamHarness() {}

  public static void main(String[] args) throws Exception {
    KafkaLogLevels.applyDefaults(KafkaLogLevels.ALL_KAFKA_SLF4J_SIMPLE);
    KafkaLogLevels.applyDefaults(Map.of(KafkaLogLevels.PREFIX + "io.driftwatch", "warn"));
    int resources = 100_000;
    List<Integer> rates = List.of(5_000);
    int seconds = 30;
    boolean keep = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--resources" -> resources = Integer.parseInt(args[++i]);
        case "--rate" -> rates = Stream.of(args[++i].split(",")).map(Integer::parseInt).toList();
        case "--seconds" -> seconds = Integer.parseInt(args[++i]);
        case "--keep" -> keep = true;
        default ->
            throw new IllegalArgumentException(
                "unknown argument '"
                    + args[i]
                    + "' (use --resources N, --rate N[,N...] per second, --seconds N, --keep)");
      }
    }
    int fastest = rates.stream().mapToInt(Integer::intValue).max().orElseThrow();
    if (resources < fastest) {
      throw new IllegalArgumentException(
          "--resources must be at least --rate, so that no resource changes twice within a second"
              + " (two changes in one commit would be coalesced, and one change would not be"
              + " matched to its event)");
    }
    System.out.printf(
        Locale.ROOT,
        "drift-stream: %,d resources; latency at %s live changes/s for %d s each%n"
            + "machine: %d cores, Java %s (%s), max heap %d MiB%n%n",
        resources,
        rates,
        seconds,
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        Runtime.getRuntime().maxMemory() >> 20);

    Path dir = Files.createTempDirectory("driftwatch-bench-stream-");
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0);
        Admin admin = Admin.create(KafkaSettings.of(broker.bootstrapServers()).clientConfig())) {
      KafkaSettings kafka = KafkaSettings.of(broker.bootstrapServers());
      provisionTopics(admin);
      GeneratedResources generated = new GeneratedResources();
      load(kafka, generated, resources);
      CatchUp catchUp = new CatchUp(admin);
      Map<TopicPartition, Long> inputEnds = catchUp.endOffsets(INPUTS);
      long inputRecords = inputEnds.values().stream().mapToLong(Long::longValue).sum();

      DriftStreamConfig passthroughConfig = config("bench-passthrough", dir);
      Rate passthrough;
      try (KafkaStreams streams =
          new KafkaStreams(
              PassthroughTopology.build(passthroughConfig.applicationId()),
              DriftStream.streamsProperties(passthroughConfig, kafka))) {
        passthrough = consumeAll(streams, catchUp, passthroughConfig.applicationId(), inputEnds);
        streams.close(Duration.ofSeconds(30));
      }
      report("identity passthrough", passthrough, inputRecords);

      DriftStreamConfig driftConfig = config("bench-drift", dir);
      try (DriftStream drift = new DriftStream(driftConfig, kafka)) {
        Rate drifted =
            consumeAll(drift.kafkaStreams(), catchUp, driftConfig.applicationId(), inputEnds);
        report("drift topology", drifted, inputRecords);
        System.out.printf(
            Locale.ROOT,
            "%nthroughput ratio, drift ÷ passthrough: %.2f (target ≥ 0.5)%n",
            drifted.perSecond(inputRecords) / passthrough.perSecond(inputRecords));
        checkTransitions(kafka, resources);

        System.out.printf(
            Locale.ROOT, "%nstate per tracked resource at %,d resources%n", resources);
        long changelogTotal = 0;
        double rocksTotal = 0;
        for (String store : STORES) {
          StateSize.Store size =
              StateSize.measure(kafka, drift.kafkaStreams(), driftConfig.applicationId(), store);
          changelogTotal += size.changelogBytes();
          rocksTotal += size.rocksDbBytes();
          System.out.printf(
              Locale.ROOT,
              "  %-20s %,9d keys  changelog %,7.0f B/resource  RocksDB %,7.0f B/resource%n",
              store,
              size.keys(),
              size.changelogBytes() / (double) resources,
              size.rocksDbBytes() / resources);
        }
        System.out.printf(
            Locale.ROOT,
            "  %-20s %9s  changelog %,7.0f B/resource  RocksDB %,7.0f B/resource%n",
            "total",
            "",
            changelogTotal / (double) resources,
            rocksTotal / resources);

        LatencyRun latency =
            new LatencyRun(kafka, Topics.DRIFT_EVENTS.name(), generated, resources);
        // Every resource drifts after the input; round 0 resolves each, round 1 opens it again.
        long change = 0;
        for (int rate : rates) {
          LatencyRun.Result result =
              latency.run(
                  rate,
                  Duration.ofSeconds(seconds),
                  change,
                  round -> round % 2 == 0 ? GeneratedResources.DESIRED_REPLICAS : DRIFTED_REPLICAS);
          change += result.offered();
          report("live change → drift event", result);
          printThreadMetrics(drift.kafkaStreams());
          catchUp.await(driftConfig.applicationId(), catchUp.endOffsets(INPUTS), CATCH_UP_TIMEOUT);
        }
      }

      try (KafkaStreams streams =
          new KafkaStreams(
              PassthroughTopology.build(passthroughConfig.applicationId()),
              DriftStream.streamsProperties(passthroughConfig, kafka))) {
        consumeAll(streams, catchUp, passthroughConfig.applicationId(), catchUp.endOffsets(INPUTS));
        LatencyRun latency =
            new LatencyRun(kafka, PassthroughTopology.OUTPUT, generated, resources);
        long change = 0;
        for (int rate : rates) {
          LatencyRun.Result result =
              latency.run(rate, Duration.ofSeconds(seconds), change, round -> 4 + round % 2);
          change += result.offered();
          report("live change → passthrough copy", result);
          printThreadMetrics(streams);
          catchUp.await(
              passthroughConfig.applicationId(), catchUp.endOffsets(INPUTS), CATCH_UP_TIMEOUT);
        }

        streams.close(Duration.ofSeconds(30));
      }
    } finally {
      if (keep) {
        System.out.println("\nkept: " + dir);
      } else {
        deleteRecursively(dir);
      }
    }
  }

  /** Elapsed nanos from RUNNING to caught up, and the process CPU nanos meanwhile. */
  private record Rate(long nanos, long cpuNanos) {
    double perSecond(long records) {
      return records / (nanos / 1e9);
    }
  }

  private static DriftStreamConfig config(String applicationId, Path dir) {
    return new DriftStreamConfig(
        applicationId,
        dir.resolve("state-" + applicationId),
        DriftStreamConfig.DEFAULT_COMMIT_INTERVAL,
        DriftStreamConfig.defaultComparison());
  }

  private static void provisionTopics(Admin admin) throws Exception {
    new TopicProvisioner(admin, Optional.empty(), Optional.empty(), Duration.ofSeconds(30))
        .ensure(Topics.all());
    admin
        .createTopics(
            List.of(
                new NewTopic(
                    PassthroughTopology.OUTPUT, Topics.DESIRED_STATE.partitions(), (short) 1)))
        .all()
        .get(30, TimeUnit.SECONDS);
  }

  /**
   * Source status first (SYNCED, so every resource may be judged), then per resource its live and
   * its desired record, then a drifting live change per resource, with explicit increasing
   * timestamps so that Kafka Streams processes them in this order.
   */
  private static void load(KafkaSettings kafka, GeneratedResources generated, int resources)
      throws Exception {
    SendFailure failed = new SendFailure();
    try (KafkaProducer<String, SourceStatus> statuses =
        new KafkaProducer<>(
            producerProps(kafka),
            Topics.SOURCE_STATUS.keySerde().serializer(),
            Topics.SOURCE_STATUS.valueSerde().serializer())) {
      for (SourceStatus status : GeneratedResources.syncedSources(resources)) {
        statuses.send(
            new ProducerRecord<>(Topics.SOURCE_STATUS.name(), status.source(), status), failed);
      }
    }
    long start = System.nanoTime();
    long base = System.currentTimeMillis() - Duration.ofHours(1).toMillis();
    long bytes = 0;
    try (KafkaProducer<ResourceKey, DesiredState> desired =
            new KafkaProducer<>(
                producerProps(kafka),
                Topics.DESIRED_STATE.keySerde().serializer(),
                Topics.DESIRED_STATE.valueSerde().serializer());
        KafkaProducer<ResourceKey, LiveState> live =
            new KafkaProducer<>(
                producerProps(kafka),
                Topics.LIVE_STATE.keySerde().serializer(),
                Topics.LIVE_STATE.valueSerde().serializer())) {
      for (int i = 0; i < resources; i++) {
        LiveState observed = generated.live(i, GeneratedResources.DESIRED_REPLICAS);
        DesiredState declared = generated.desired(i);
        live.send(
            new ProducerRecord<>(
                Topics.LIVE_STATE.name(), null, base + 2L * i, observed.key(), observed),
            failed);
        desired.send(
            new ProducerRecord<>(
                Topics.DESIRED_STATE.name(), null, base + 2L * i + 1, declared.key(), declared),
            failed);
      }
      for (int i = 0; i < resources; i++) {
        LiveState changed = generated.live(i, DRIFTED_REPLICAS);
        live.send(
            new ProducerRecord<>(
                Topics.LIVE_STATE.name(), null, base + 2L * resources + i, changed.key(), changed),
            failed);
      }
      desired.flush();
      live.flush();
      failed.throwIfAny();
      bytes =
          Topics.DESIRED_STATE.valueSerde().serializer().serialize("", generated.desired(0)).length
              + Topics.LIVE_STATE
                  .valueSerde()
                  .serializer()
                  .serialize("", generated.live(0, GeneratedResources.DESIRED_REPLICAS))
                  .length;
    }
    System.out.printf(
        Locale.ROOT,
        "input: %,d records (%,d resources × live, desired, drifting live change) loaded in %.1f s;"
            + " desired + live value %,d bytes per resource%n%n",
        3L * resources,
        resources,
        (System.nanoTime() - start) / 1e9,
        bytes);
  }

  /** Remembers the first record the broker refused, so the load fails instead of losing it. */
  private static final class SendFailure implements Callback {

    private final AtomicReference<Exception> first = new AtomicReference<>();

    @Override
    public void onCompletion(RecordMetadata metadata, Exception exception) {
      if (exception != null) {
        first.compareAndSet(null, exception);
      }
    }

    void throwIfAny() {
      if (first.get() != null) {
        throw new IllegalStateException("loading the input failed", first.get());
      }
    }
  }

  private static Properties producerProps(KafkaSettings kafka) {
    Properties props = kafka.clientConfig();
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    return props;
  }

  private static Rate consumeAll(
      KafkaStreams streams, CatchUp catchUp, String group, Map<TopicPartition, Long> ends)
      throws Exception {
    streams.start();
    long deadline = System.nanoTime() + RUNNING_TIMEOUT.toNanos();
    while (streams.state() != KafkaStreams.State.RUNNING) {
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException(group + " is not RUNNING but " + streams.state());
      }
      Thread.sleep(10);
    }
    long start = System.nanoTime();
    long cpuStart = CPU.getProcessCpuTime();
    long done = catchUp.await(group, ends, CATCH_UP_TIMEOUT);
    return new Rate(done - start, CPU.getProcessCpuTime() - cpuStart);
  }

  /**
   * The drift topology must have opened exactly one drift per resource (the drifting live change)
   * and nothing else: otherwise it did not do the work the figures claim.
   */
  private static void checkTransitions(KafkaSettings kafka, int resources) {
    Map<DriftTransition, Integer> counts = new EnumMap<>(DriftTransition.class);
    Properties props = kafka.clientConfig();
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    try (KafkaConsumer<ResourceKey, DriftEvent> consumer =
        new KafkaConsumer<>(
            props,
            Topics.DRIFT_EVENTS.keySerde().deserializer(),
            Topics.DRIFT_EVENTS.valueSerde().deserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      consumer
          .partitionsFor(Topics.DRIFT_EVENTS.name())
          .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
        for (ConsumerRecord<ResourceKey, DriftEvent> r : consumer.poll(Duration.ofMillis(200))) {
          counts.merge(r.value().transition(), 1, Integer::sum);
        }
      }
    }
    System.out.println("drift events after the input: " + counts);
    if (!Map.of(DriftTransition.OPENED, resources).equals(counts)) {
      throw new IllegalStateException(
          "expected exactly one OPENED per resource ("
              + resources
              + ") and no other transition, got "
              + counts);
    }
  }

  private static void report(String what, Rate rate, long records) {
    System.out.printf(
        Locale.ROOT,
        "%-22s %,9d records in %6.1f s: %,8.0f records/s, %.2f ms process CPU per 1,000 records%n",
        what,
        records,
        rate.nanos() / 1e9,
        rate.perSecond(records),
        rate.cpuNanos() / 1e6 / (records / 1_000.0));
  }

  private static void report(String what, LatencyRun.Result result) {
    System.out.printf(
        Locale.ROOT,
        "%n%s: offered %,d changes at %,.0f/s; matched %,d, unmatched %,d, unexpected %,d%n"
            + "  latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n",
        what,
        result.offered(),
        result.offeredPerSecond(),
        result.matched(),
        result.unmatched(),
        result.unexpected(),
        result.percentile(50),
        result.percentile(90),
        result.percentile(99),
        result.percentile(100));
  }

  /** Where a stream thread's time goes: Kafka Streams' own thread metrics (30 s windows). */
  private static void printThreadMetrics(KafkaStreams streams) {
    List<String> wanted =
        List.of(
            "poll-latency-avg",
            "process-latency-avg",
            "process-latency-max",
            "punctuate-latency-avg",
            "commit-latency-avg",
            "commit-latency-max",
            "process-rate",
            "commit-rate",
            "poll-records-avg");
    StringBuilder line = new StringBuilder("  stream thread:");
    for (String name : wanted) {
      for (Map.Entry<MetricName, ? extends Metric> e : streams.metrics().entrySet()) {
        if (e.getKey().group().equals("stream-thread-metrics") && e.getKey().name().equals(name)) {
          Object value = e.getValue().metricValue();
          if (value instanceof Number n) {
            line.append(String.format(Locale.ROOT, " %s=%.2f", name, n.doubleValue()));
          }
        }
      }
    }
    System.out.println(line);
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("could not delete " + dir + ": " + e);
    }
  }
}
