package io.driftwatch.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.model.DesiredState;
import io.driftwatch.model.DriftEvent;
import io.driftwatch.model.DriftTransition;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.KafkaSettings;
import io.driftwatch.model.LiveState;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.topic.Topics;
import io.driftwatch.testkit.TestKafka;
import io.driftwatch.testkit.TopicProbe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two drift-stream instances, each in its own JVM, share the partitions of one application; a
 * scripted stream of desired and live updates runs through them, and partway through one instance
 * is killed with SIGKILL (no clean close, its transaction left open). The drift transitions a
 * read_committed consumer sees must be exactly the scripted ones: none lost, none duplicated.
 *
 * <p>The script advances one step at a time, each step one update of every resource, and waits for
 * that step's transitions before the next: so every resource's expected transitions are known
 * whatever the interleaving of partitions and instances, and no two updates of one resource fall
 * into one commit (where the table caches would rightly coalesce them).
 */
class DriftStreamFailoverIT {

  private static final int RESOURCES = 48;
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration TAKEOVER_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration QUIET = Duration.ofSeconds(3);

  /** The gap between two updates of the step during which an instance is killed. */
  private static final Duration PACE = Duration.ofMillis(40);

  /**
   * Shorter than the defaults, so the survivor notices the dead instance within seconds: its
   * session times out after 6 s (the broker's minimum) and its open transaction is aborted after 5
   * s, which the survivor waits for before it reads the dead instance's changelogs and offsets.
   */
  private static final List<String> TAKEOVER_SETTINGS =
      List.of(
          "session.timeout.ms=6000",
          "heartbeat.interval.ms=1000",
          "producer.transaction.timeout.ms=5000");

  private enum Side {
    DESIRED,
    LIVE
  }

  /**
   * One step of the script: every resource gets this update, and each then emits {@code transition}
   * of {@code type}.
   *
   * @param app the live {@code app} label; null keeps the desired one (the resource's name)
   */
  private record Step(
      Side side, int replicas, String app, DriftTransition transition, DriftType type) {}

  private static final List<Step> SCRIPT =
      List.of(
          new Step(Side.DESIRED, 2, null, DriftTransition.OPENED, DriftType.MISSING_LIVE),
          new Step(Side.LIVE, 2, null, DriftTransition.RESOLVED, DriftType.MISSING_LIVE),
          new Step(Side.LIVE, 5, null, DriftTransition.OPENED, DriftType.MODIFIED),
          new Step(Side.LIVE, 5, "moved", DriftTransition.UPDATED, DriftType.MODIFIED),
          new Step(Side.LIVE, 2, null, DriftTransition.RESOLVED, DriftType.MODIFIED),
          new Step(Side.LIVE, 3, null, DriftTransition.OPENED, DriftType.MODIFIED),
          new Step(Side.DESIRED, 3, null, DriftTransition.RESOLVED, DriftType.MODIFIED));

  /** The step during which the first instance is killed, once its first transition is out. */
  private static final int KILL_AT = 3;

  @TempDir Path dir;

  @BeforeAll
  static void provisionTopics() {
    ProvisionedTopics.ensure();
  }

  @Test
  void killedInstanceLosesAndDuplicatesNoTransition() throws Exception {
    String bootstrap = TestKafka.bootstrapServers();
    KafkaSettings kafka = KafkaSettings.of(bootstrap);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String cluster = "failover-" + suffix;
    String source = "failover-" + suffix;
    String applicationId = "drift-failover-" + suffix;
    List<ResourceKey> keys = new ArrayList<>();
    for (int i = 0; i < RESOURCES; i++) {
      keys.add(DriftInputs.deployment(cluster, String.format("web-%03d", i)));
    }
    DriftInputs.publishSyncedSources(kafka, source, keys);

    ExecutorService background = Executors.newSingleThreadExecutor();
    try (TopicProbe<ResourceKey, DriftEvent> events =
            TopicProbe.open(
                bootstrap,
                Topics.DRIFT_EVENTS.name(),
                Topics.DRIFT_EVENTS.keySerde().deserializer(),
                Topics.DRIFT_EVENTS.valueSerde().deserializer());
        Admin admin = Admin.create(kafka.clientConfig());
        Instance first = Instance.start(bootstrap, applicationId, dir.resolve("first"));
        Instance second = Instance.start(bootstrap, applicationId, dir.resolve("second"));
        DriftInputs.Sender<ResourceKey, DesiredState> desired =
            new DriftInputs.Sender<>(kafka, Topics.DESIRED_STATE);
        DriftInputs.Sender<ResourceKey, LiveState> live =
            new DriftInputs.Sender<>(kafka, Topics.LIVE_STATE)) {
      first.awaitReady();
      second.awaitReady();
      awaitMembersOwningPartitions(admin, applicationId, 2);

      for (int s = 0; s < SCRIPT.size(); s++) {
        Step step = SCRIPT.get(s);
        if (s == KILL_AT) {
          // Updates keep arriving while the first instance is killed, so that it dies in the
          // middle of processing them, with a transaction open.
          Future<?> sending =
              background.submit(
                  () -> {
                    for (ResourceKey key : keys) {
                      send(step, key, source, desired, live);
                      pause(PACE);
                    }
                    return null;
                  });
          events.await(
              r -> cluster.equals(r.key().cluster()) && r.value().transition() == step.transition(),
              STEP_TIMEOUT);
          first.kill();
          assertThat(sending.isDone()).as("killed while updates were still arriving").isFalse();
          sending.get(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } else {
          for (ResourceKey key : keys) {
            send(step, key, source, desired, live);
          }
          desired.flush();
          live.flush();
        }
        Duration timeout = s == KILL_AT ? TAKEOVER_TIMEOUT : STEP_TIMEOUT;
        awaitTransitions(events, cluster, RESOURCES * (s + 1), timeout, first, second);
      }

      List<ConsumerRecord<ResourceKey, DriftEvent>> all = events.drain(QUIET);
      Map<ResourceKey, List<String>> actual = new LinkedHashMap<>();
      for (ConsumerRecord<ResourceKey, DriftEvent> r : all) {
        if (cluster.equals(r.key().cluster())) {
          actual.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(describe(r.value()));
        }
      }
      List<String> expected = SCRIPT.stream().map(s -> s.transition() + " " + s.type()).toList();
      assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(keys);
      for (ResourceKey key : keys) {
        assertThat(actual.get(key))
            .as("transitions of %s, in order, after a quiet %s", key, QUIET)
            .containsExactlyElementsOf(expected);
      }
      assertThat(members(admin, applicationId))
          .as("the survivor alone holds the application's partitions")
          .hasSize(1);
    } finally {
      background.shutdownNow();
    }
  }

  private static void send(
      Step step,
      ResourceKey key,
      String source,
      DriftInputs.Sender<ResourceKey, DesiredState> desired,
      DriftInputs.Sender<ResourceKey, LiveState> live) {
    if (step.side() == Side.DESIRED) {
      desired.send(key, DriftInputs.desired(key, source, step.replicas()));
      desired.flush();
    } else {
      String app = step.app() == null ? key.name() : step.app();
      live.send(key, DriftInputs.live(key, step.replicas(), app));
      live.flush();
    }
  }

  private static void pause(Duration duration) throws InterruptedException {
    Thread.sleep(duration.toMillis());
  }

  private static String describe(DriftEvent event) {
    return event.transition() + " " + event.driftType();
  }

  /**
   * Waits until {@code count} transitions of {@code cluster} have been read. The probe tests each
   * record it has seen once, in order, so counting inside the predicate counts each record once.
   */
  private static void awaitTransitions(
      TopicProbe<ResourceKey, DriftEvent> events,
      String cluster,
      int count,
      Duration timeout,
      Instance... instances) {
    int[] seen = {0};
    try {
      events.await(r -> cluster.equals(r.key().cluster()) && ++seen[0] >= count, timeout);
    } catch (AssertionError e) {
      StringBuilder logs = new StringBuilder();
      for (Instance instance : instances) {
        logs.append('\n').append(instance.logTail());
      }
      throw new AssertionError(
          "Expected " + count + " transitions of " + cluster + ", saw " + seen[0] + logs, e);
    }
  }

  private static void awaitMembersOwningPartitions(Admin admin, String group, int expected)
      throws Exception {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    List<MemberDescription> members = List.of();
    while (System.nanoTime() - deadline < 0) {
      members = members(admin, group);
      if (members.size() == expected
          && members.stream()
              .allMatch(
                  m ->
                      m.assignment().topicPartitions().stream()
                          .anyMatch(tp -> tp.topic().equals(Topics.DESIRED_STATE.name())))) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        "Expected "
            + expected
            + " members of "
            + group
            + " each owning partitions, saw "
            + members);
  }

  private static List<MemberDescription> members(Admin admin, String group) throws Exception {
    ConsumerGroupDescription description =
        admin.describeConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS).get(group);
    return List.copyOf(description.members());
  }

  /** One drift-stream JVM ({@link DriftStreamProcess}), its output in a log file. */
  private static final class Instance implements AutoCloseable {

    private final Process process;
    private final Path log;

    private Instance(Process process, Path log) {
      this.process = process;
      this.log = log;
    }

    static Instance start(String bootstrap, String applicationId, Path stateDir)
        throws IOException {
      Files.createDirectories(stateDir);
      Path log = stateDir.resolveSibling(stateDir.getFileName() + ".log");
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
      command.addAll(List.of("-cp", System.getProperty("java.class.path")));
      command.add(DriftStreamProcess.class.getName());
      command.addAll(List.of(bootstrap, applicationId, stateDir.toString()));
      command.addAll(TAKEOVER_SETTINGS);
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      return new Instance(process, log);
    }

    void awaitReady() throws Exception {
      long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
      while (System.nanoTime() - deadline < 0) {
        if (Files.exists(log)
            && Files.readString(log, StandardCharsets.UTF_8).contains(DriftStreamProcess.READY)) {
          return;
        }
        if (!process.isAlive()) {
          throw new AssertionError(
              "drift-stream instance exited with " + process.exitValue() + "\n" + logTail());
        }
        Thread.sleep(100);
      }
      throw new AssertionError("drift-stream instance not RUNNING in time\n" + logTail());
    }

    /** SIGKILL: no close, no leaving the group, no commit or abort of the open transaction. */
    void kill() throws InterruptedException {
      process.destroyForcibly();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("killed instance exited").isTrue();
    }

    String logTail() {
      try {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return log.getFileName()
            + " (last lines):\n  "
            + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
      } catch (IOException e) {
        return log + ": " + e;
      }
    }

    @Override
    public void close() throws IOException {
      if (!process.isAlive()) {
        return;
      }
      process.getOutputStream().close();
      try {
        if (!process.waitFor(45, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          process.waitFor(30, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
