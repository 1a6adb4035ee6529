package io.driftwatch.bench.ingest;

import com.sun.management.OperatingSystemMXBean;
import io.driftwatch.ingest.git.GitIngest;
import io.driftwatch.ingest.git.GitIngestConfig;
import io.driftwatch.ingest.git.GitSourceConfig;
import io.driftwatch.ingest.git.PollSummary;
import io.driftwatch.ingest.git.SourcePoll;
import io.driftwatch.kafka.embedded.EmbeddedKafkaBroker;
import io.driftwatch.kafka.embedded.KafkaLogLevels;
import io.driftwatch.model.KafkaSettings;
import io.driftwatch.model.secret.SecretRedactor;
import io.driftwatch.model.topic.TopicProvisioner;
import io.driftwatch.model.topic.Topics;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The end-to-end ingest-git benchmark: a generated fleet of 100 overlays (10,000 objects) committed
 * to a real JGit repository, ingested by a real {@link GitIngest} publishing to a real in-process
 * Kafka broker. It times {@link GitIngest#pollOnce()} (from the call to its return, i.e. to the
 * transaction committed) for the initial full publish, for polls where the ref has not moved (the
 * baseline), for commits that change nothing the source renders, for one-file commits that change
 * one object, and for a one-file commit in the shared base (one object per overlay); it counts what
 * arrived on the desired-state topic after each; and it takes the one-file commits apart step by
 * step ({@link PhasedPipeline}). The target: a one-file commit published in under 1 s.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar io.driftwatch.bench.ingest.IngestGitHarness
 * [--overlays 100] [--commits 10] [--warmup 3] [--keep]}.
 */
public final class IngestGitHarness {

  private static final String SOURCE = "fleet";
  private static final String CLUSTER = "bench";
  private static final SecretRedactor REDACTOR =
      new SecretRedactor("driftwatch-bench-hmac-key-0123456789".getBytes(StandardCharsets.UTF_8));
  private static final double TARGET_MILLIS = 1_000;

  /*
   * CPU time of the whole process (ingest-git, the in-process broker, GC) during a poll: unlike
   * the elapsed time it barely moves when other jobs compete for the machine's cores.
   */
  private static final OperatingSystemMXBean CPU =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private final int overlays;
  private final int commits;
  private final int warmup;

  private IngestGitHarness(int overlays, int commits, int warmup) {
    this.overlays = overlays;
    this.commits = commits;
    this.warmup = warmup;
  }

  public static void main(String[] args) throws Exception {
    KafkaLogLevels.applyDefaults(KafkaLogLevels.ALL_KAFKA_SLF4J_SIMPLE);
    KafkaLogLevels.applyDefaults(
        Map.of(
            KafkaLogLevels.PREFIX + "io.driftwatch", "warn",
            KafkaLogLevels.PREFIX + "org.eclipse.jgit", "warn"));
    int overlays = 100;
    int commits = 10;
    int warmup = 3;
    boolean keep = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--overlays" -> overlays = Integer.parseInt(args[++i]);
        case "--commits" -> commits = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--keep" -> keep = true;
        default ->
            throw new IllegalArgumentException(
                "unknown argument '"
                    + args[i]
                    + "' (use --overlays N, --commits N, --warmup N, --keep)");
      }
    }
    if (commits < 1 || commits > 999) {
      throw new IllegalArgumentException("--commits must be 1-999, not " + commits);
    }
    Path work = Files.createTempDirectory("driftwatch-bench-ingest-");
    try {
      new IngestGitHarness(overlays, commits, warmup).run(work);
    } finally {
      if (keep) {
        System.out.println("Kept " + work);
      } else {
        deleteRecursively(work);
      }
    }
  }

  private void run(Path work) throws Exception {
    System.out.printf(
        Locale.ROOT,
        "ingest-git end to end: %d overlays, %d one-file commits after %d warm-up commits%n"
            + "machine: %d cores, Java %s (%s), %s %s%n%n",
        overlays,
        commits,
        warmup,
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        System.getProperty("os.name"),
        System.getProperty("os.arch"));
    Path origin = work.resolve("origin");
    GeneratedFleet fleet = GeneratedFleet.write(origin, overlays);
    try (OriginRepository repo = OriginRepository.init(origin);
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(work.resolve("kafka"), 0)) {
      repo.commitAll("Generated fleet of " + overlays + " overlays");
      String bootstrap = broker.bootstrapServers();
      try (Admin admin =
          Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
        new TopicProvisioner(admin, Optional.empty(), Optional.empty(), Duration.ofSeconds(30))
            .ensure(Topics.all());
      }
      KafkaSettings kafka = KafkaSettings.of(bootstrap);
      GitSourceConfig source =
          new GitSourceConfig(
              SOURCE,
              origin.toString(),
              "main",
              GeneratedFleet.OVERLAYS,
              CLUSTER,
              "default",
              Duration.ofHours(1),
              null);
      try (GitIngest ingest =
              new GitIngest(
                  new GitIngestConfig(List.of(source), work.resolve("mirrors")), kafka, REDACTOR);
          DesiredStateCounter counter = new DesiredStateCounter(bootstrap, CLUSTER);
          PhasedPipeline phases =
              new PhasedPipeline(
                  SOURCE + "-phases",
                  origin,
                  GeneratedFleet.OVERLAYS,
                  CLUSTER + "-phases",
                  work.resolve("phase-mirrors"),
                  kafka,
                  REDACTOR)) {
        measure(fleet, repo, ingest, counter, phases);
      }
    }
  }

  /** One kind of poll: its elapsed and CPU times, and when its records became visible. */
  private record Scenario(String label, int records, Samples poll, Samples visible) {
    Scenario(String label, int records) {
      this(label, records, new Samples(), new Samples());
    }
  }

  private void measure(
      GeneratedFleet fleet,
      OriginRepository repo,
      GitIngest ingest,
      DesiredStateCounter counter,
      PhasedPipeline phases)
      throws Exception {
    Scenario initial =
        new Scenario("initial full publish (first poll: resume, render, publish)", fleet.objects());
    poll(ingest, initial, counter);
    phases.process(false);

    Scenario warming = new Scenario("warm-up", 1);
    for (int i = 1; i <= warmup; i++) {
      fleet.editCanary(i % overlays + 1, 1000 + i);
      repo.commitAll("Warm-up " + i);
      poll(ingest, warming, counter);
      phases.process(false);
    }

    Scenario unchanged = new Scenario("no-change poll (ref not moved: fetch only), baseline", 0);
    for (int i = 0; i < commits; i++) {
      poll(ingest, unchanged, counter);
    }

    Scenario outsidePath =
        new Scenario("commit outside the source path (full render, nothing to send)", 0);
    for (int i = 1; i <= Math.max(3, commits / 2); i++) {
      Files.writeString(fleet.root().resolve("README.md"), "Revision " + i + "\n");
      repo.commitAll("README revision " + i);
      poll(ingest, outsidePath, counter);
      phases.process(false);
    }

    Scenario oneFile = new Scenario("**one-file commit: one overlay's Deployment edited**", 1);
    for (int i = 1; i <= commits; i++) {
      // Spread the edits over the fleet: a different overlay each time.
      int team = (i * 37) % overlays + 1;
      fleet.editCanary(team, i);
      repo.commitAll("Scale the canary of team " + team);
      poll(ingest, oneFile, counter);
      phases.process(true);
    }

    Scenario baseFile =
        new Scenario("one-file commit in the shared base (one object per overlay)", overlays);
    for (int i = 1; i <= 3; i++) {
      fleet.editBase(i);
      repo.commitAll("Base revision " + i);
      poll(ingest, baseFile, counter);
      phases.process(false);
    }

    double baseline = unchanged.poll().medianMillis();
    System.out.println(
        "| poll | pollOnce() until it returns: median (min-max, runs) | process CPU, median |"
            + " records on the topic | ÷ no-change poll | visible to a read_committed"
            + " consumer, median |");
    System.out.println("|---|---|---|---|---|---|");
    for (Scenario scenario : List.of(initial, unchanged, outsidePath, oneFile, baseFile)) {
      row(scenario, scenario == initial ? 0 : baseline);
    }

    System.out.println();
    System.out.println(
        "| step of the same one-file commits, taken one by one | median (min-max, runs) |");
    System.out.println("|---|---|");
    double sum = 0;
    for (Map.Entry<PhasedPipeline.Phase, Samples> entry : phases.samples().entrySet()) {
      System.out.printf(
          Locale.ROOT, "| %s | %s |%n", entry.getKey().label, entry.getValue().summary());
      sum += entry.getValue().medianMillis();
    }
    System.out.printf(Locale.ROOT, "| sum of the medians | %,.1f ms |%n", sum);

    double median = oneFile.poll().medianMillis();
    System.out.printf(
        Locale.ROOT,
        "%nOne-file commit: median %,.1f ms, target < %,.0f ms: %s%n",
        median,
        TARGET_MILLIS,
        median < TARGET_MILLIS ? "MET" : "NOT MET");
  }

  /**
   * Polls once, timed, then waits until the records the poll published are visible on the topic and
   * checks they are the ones expected: a figure for a poll that published the wrong thing would be
   * meaningless.
   */
  private static void poll(GitIngest ingest, Scenario scenario, DesiredStateCounter counter) {
    long cpu = CPU.getProcessCpuTime();
    long start = System.nanoTime();
    PollSummary summary = ingest.pollOnce();
    scenario.poll().add(System.nanoTime() - start, CPU.getProcessCpuTime() - cpu);
    SourcePoll poll = summary.source(SOURCE);
    if (poll.failed()) {
      throw new IllegalStateException("The poll failed: " + poll.failure());
    }
    if (poll.published() + poll.tombstoned() != scenario.records()) {
      throw new IllegalStateException(
          scenario.label()
              + ": expected "
              + scenario.records()
              + " records; the poll reports "
              + poll.published()
              + " published and "
              + poll.tombstoned()
              + " tombstoned");
    }
    scenario.visible().add(counter.awaitNew(scenario.records()) - start);
  }

  private static void row(Scenario scenario, double baseline) {
    Samples poll = scenario.poll();
    String ratio =
        baseline > 0 ? String.format(Locale.ROOT, "%,.1f×", poll.medianMillis() / baseline) : "—";
    System.out.printf(
        Locale.ROOT,
        "| %s | %s | %,.0f ms | %,d | %s | %,.1f ms |%n",
        scenario.label(),
        poll.summary(),
        poll.medianCpuMillis(),
        scenario.records(),
        ratio,
        scenario.visible().medianMillis());
  }

  private static void deleteRecursively(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
