package io.driftwatch.bench.cluster;

import com.sun.management.OperatingSystemMXBean;
import io.driftwatch.ingest.cluster.ClusterConfig;
import io.driftwatch.ingest.cluster.WatchedKind;
import io.driftwatch.ingest.cluster.kube.Backoff;
import io.driftwatch.ingest.cluster.kube.ClusterWatcher;
import io.driftwatch.ingest.cluster.kube.KnownObjectStore;
import io.driftwatch.ingest.cluster.normalize.LiveStateNormalizer;
import io.driftwatch.ingest.cluster.publish.KafkaTopicSink;
import io.driftwatch.ingest.cluster.publish.LiveStatePublisher;
import io.driftwatch.ingest.cluster.publish.SourceStatusPublisher;
import io.driftwatch.ingest.cluster.resume.PublishedLiveKeys;
import io.driftwatch.kafka.embedded.EmbeddedKafkaBroker;
import io.driftwatch.kafka.embedded.KafkaLogLevels;
import io.driftwatch.model.KafkaSettings;
import io.driftwatch.model.secret.SecretRedactor;
import io.driftwatch.model.topic.TopicProvisioner;
import io.driftwatch.model.topic.Topics;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;

/**
 * The ingest-cluster benchmark, two measurements in one run.
 *
 * <p><b>Heap per watched object</b>: a fabric8 informer on {@link GeneratedConfigMaps} at each
 * size, once with fabric8's default store of full objects and once with the {@link
 * KnownObjectStore} ingest-cluster uses; the heap used after full GCs with the synced informer
 * minus the same before it started, divided by the number of objects. Both in the same run, so the
 * ratio holds whatever else the machine does.
 *
 * <p><b>Events per second</b>: the real pipeline ({@link ClusterWatcher}: informer, lean store,
 * normalisation, {@link LiveStatePublisher}, one idempotent {@code acks=all} producer) against an
 * in-process Kafka broker, from the informer callback that publishes the first record of a phase to
 * the broker's acknowledgement of the last: the initial list (an ADD per object), a MODIFIED event
 * per object that changes its data, and a MODIFIED per object that changes nothing published
 * (dropped by the fingerprint; a last real change marks its end).
 *
 * <p>Run: {@code java -Xmx3g -cp bench/target/benchmarks.jar
 * io.driftwatch.bench.cluster.IngestClusterHarness [--heap 10000,100000] [--events 10000]}.
 */
public final class IngestClusterHarness {

  private static final String CLUSTER = "bench";
  private static final int PAGE = 500;
  private static final Duration TIMEOUT = Duration.ofMinutes(5);
  private static final ResourceDefinitionContext CONFIG_MAPS =
      new ResourceDefinitionContext.Builder()
          .withGroup("")
          .withVersion("v1")
          .withKind("ConfigMap")
          .withPlural("configmaps")
          .withNamespaced(true)
          .build();
  private static final OperatingSystemMXBean CPU =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  // The mock web server logs every request through java.util.logging; held so it stays quiet.
  private static final java.util.logging.Logger MOCK_SERVER_LOG =
      java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  private IngestClusterHarness() {}

  public static void main(String[] args) throws Exception {
    MOCK_SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
    KafkaLogLevels.applyDefaults(KafkaLogLevels.ALL_KAFKA_SLF4J_SIMPLE);
    KafkaLogLevels.applyDefaults(
        Map.of(
            KafkaLogLevels.PREFIX + "io.driftwatch", "warn",
            KafkaLogLevels.PREFIX + "io.fabric8", "warn"));
    List<Integer> heapSizes = List.of(10_000, 100_000);
    int events = 10_000;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--heap" ->
            heapSizes = Stream.of(args[++i].split(",")).map(Integer::parseInt).toList();
        case "--events" -> events = Integer.parseInt(args[++i]);
        default ->
            throw new IllegalArgumentException(
                "unknown argument '" + args[i] + "' (use --heap N[,N...] and --events N)");
      }
    }
    System.out.printf(
        Locale.ROOT,
        "ingest-cluster: heap per watched ConfigMap at %s objects, events per second at %d%n"
            + "machine: %d cores, Java %s (%s), max heap %d MiB%n%n",
        heapSizes,
        events,
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        Runtime.getRuntime().maxMemory() >> 20);
    measureHeap(heapSizes);
    measureEvents(events);
  }

  private static void measureHeap(List<Integer> sizes) throws Exception {
    // Class loading and fabric8's and Jackson's caches are paid once, before anything counts.
    try (GeneratedConfigMaps warmUp = GeneratedConfigMaps.start(1_000)) {
      retainedBytes(warmUp, false);
      retainedBytes(warmUp, true);
    }
    System.out.println(
        "| objects | fabric8 store (bytes/object) | lean store (bytes/object) | ratio |");
    System.out.println("|---|---|---|---|");
    for (int size : sizes) {
      try (GeneratedConfigMaps configMaps = GeneratedConfigMaps.start(size)) {
        double full = retainedBytes(configMaps, false) / (double) size;
        double lean = retainedBytes(configMaps, true) / (double) size;
        System.out.printf(
            Locale.ROOT, "| %,d | %,.0f | %,.0f | %.1f |%n", size, full, lean, full / lean);
      }
    }
    System.out.println();
  }

  /**
   * The heap an informer holds once it has listed every object: used heap after full GCs with it
   * synced, minus the same just before it started.
   */
  private static long retainedBytes(GeneratedConfigMaps configMaps, boolean lean) throws Exception {
    try (KubernetesClient client = configMaps.newClient()) {
      long before = usedHeapAfterGc();
      SharedIndexInformer<GenericKubernetesResource> informer =
          client
              .genericKubernetesResources(CONFIG_MAPS)
              .inNamespace(GeneratedConfigMaps.NAMESPACE)
              .withLimit((long) PAGE)
              .runnableInformer(0);
      KnownObjectStore store = lean ? new KnownObjectStore("v1", "ConfigMap") : null;
      if (lean) {
        // As ingest-cluster's KindWatch configures it.
        informer.itemStore(store);
        informer.removeNamespaceIndex();
      }
      informer.start().toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      int held = lean ? store.size() : informer.getStore().listKeys().size();
      if (held != configMaps.count()) {
        throw new IllegalStateException(
            "The informer holds " + held + " objects, not " + configMaps.count());
      }
      long after = usedHeapAfterGc();
      informer.stop();
      return after - before;
    }
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(150);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static void measureEvents(int count) throws Exception {
    Path work = Files.createTempDirectory("driftwatch-bench-cluster-");
    try (GeneratedConfigMaps configMaps = GeneratedConfigMaps.start(count);
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(work.resolve("kafka"), 0)) {
      KafkaSettings kafka = KafkaSettings.of(broker.bootstrapServers());
      try (Admin admin = Admin.create(kafka.clientConfig())) {
        new TopicProvisioner(admin, Optional.empty(), Optional.empty(), Duration.ofSeconds(30))
            .ensure(Topics.all());
      }
      ClusterConfig cluster =
          new ClusterConfig(
              CLUSTER,
              null,
              null,
              false,
              List.of(WatchedKind.of("v1", "ConfigMap")),
              List.of(GeneratedConfigMaps.NAMESPACE),
              null);
      Clock clock = Clock.systemUTC();
      SecretRedactor redactor =
          new SecretRedactor(
              "driftwatch-bench-hmac-key-0123456789".getBytes(StandardCharsets.UTF_8));
      TimedSink sink = new TimedSink(new KafkaTopicSink(kafka, "driftwatch-bench-cluster"));
      try (sink;
          ClusterWatcher watcher =
              new ClusterWatcher(
                  cluster,
                  config -> configMaps.newClient(),
                  new LiveStatePublisher(
                      CLUSTER, new LiveStateNormalizer(redactor, clock), sink, clock),
                  new SourceStatusPublisher(sink, clock),
                  PublishedLiveKeys.fromTopic(kafka, List.of(cluster)),
                  Backoff.DEFAULT)) {
        List<String> rows = new ArrayList<>();
        long cpu = CPU.getProcessCpuTime();
        watcher.start();
        await(() -> sink.syncedMarkers() == 1, "the initial list to be SYNCED");
        rows.add(row("initial list (ADD)", sink, count, cpu, sink.firstLiveNanos()));

        await(() -> configMaps.openWatches() == 1, "the watch to open");
        sink.reset();
        cpu = CPU.getProcessCpuTime();
        configMaps.modifyAll();
        await(() -> sink.liveRecords() == count, "every modification to be published");
        rows.add(row("MODIFIED, data changed", sink, count, cpu, sink.firstLiveNanos()));

        sink.reset();
        cpu = CPU.getProcessCpuTime();
        // Nothing is published for these: the phase starts when the first is sent.
        long touched = System.nanoTime();
        configMaps.touchAll();
        configMaps.modifyLast();
        await(() -> sink.liveRecords() >= 1, "the last object's change to be published");
        if (sink.liveRecords() != 1) {
          throw new IllegalStateException(
              sink.liveRecords() + " records published for updates that change nothing, not 0");
        }
        rows.add(row("MODIFIED, nothing published changed", sink, count + 1, cpu, touched));

        System.out.println(
            "| phase ("
                + String.format(Locale.ROOT, "%,d", count)
                + " ConfigMaps) "
                + "| events/s (callback to broker ack) | CPU ms per 1,000 events |");
        System.out.println("|---|---|---|");
        rows.forEach(System.out::println);
      }
    } finally {
      try (Stream<Path> files = Files.walk(work)) {
        files.sorted(Comparator.reverseOrder()).forEach(IngestClusterHarness::delete);
      }
    }
  }

  /**
   * Flushes (every record acknowledged), then reports the phase's rate from {@code startNanos} and
   * the CPU the whole process spent on it (mock API server and broker included).
   */
  private static String row(
      String phase, TimedSink sink, int events, long cpuBefore, long startNanos) {
    sink.flush();
    long end = System.nanoTime();
    double seconds = (end - startNanos) / 1e9;
    double cpuMillis = (CPU.getProcessCpuTime() - cpuBefore) / 1e6;
    return String.format(
        Locale.ROOT, "| %s | %,.0f | %,.0f |", phase, events / seconds, cpuMillis * 1_000 / events);
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Timed out waiting for " + what);
      }
      Thread.sleep(5);
    }
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      // A leftover temporary file is not worth failing the run for.
    }
  }
}
