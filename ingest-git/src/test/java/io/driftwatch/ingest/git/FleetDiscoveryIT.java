package io.driftwatch.ingest.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.ingest.git.discover.DiscoveryConfig;
import io.driftwatch.ingest.git.render.DesiredSet;
import io.driftwatch.ingest.git.render.DesiredSetAssembler;
import io.driftwatch.ingest.git.render.FileSystemSourceTree;
import io.driftwatch.ingest.git.render.RenderResult;
import io.driftwatch.ingest.git.render.YamlLimits;
import io.driftwatch.ingest.git.render.kustomize.KustomizeRenderer;
import io.driftwatch.model.DeadLetter;
import io.driftwatch.model.DesiredState;
import io.driftwatch.model.KafkaSettings;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.SourcePhase;
import io.driftwatch.model.SourceStatus;
import io.driftwatch.model.secret.SecretRedactor;
import io.driftwatch.model.topic.Topic;
import io.driftwatch.model.topic.Topics;
import io.driftwatch.testkit.TestKafka;
import io.driftwatch.testkit.TopicProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Pointing driftwatch at a fleet repository is enough": only the fleet source is configured, and
 * every Flux Kustomization (or Argo CD Application) in it becomes a source that renders, publishes
 * and syncs on the real broker from real Git repositories; a fleet commit that removes one
 * withdraws what it published and keeps the others.
 */
class FleetDiscoveryIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Duration QUIET = Duration.ofSeconds(2);
  private static final String SAMPLE_URL = "https://github.com/openchoreo/sample-gitops";
  private static final String APPS_URL = "https://git.example.com/acme/apps.git";
  private static final SecretRedactor REDACTOR =
      new SecretRedactor("fleet-discovery-hmac-key-012345".getBytes(StandardCharsets.UTF_8));

  @TempDir Path origin;
  @TempDir Path appsOrigin;
  @TempDir Path work;

  private String fleetId;
  private String cluster;
  private final List<AutoCloseable> closeables = new ArrayList<>();

  @BeforeAll
  static void createTopics() {
    TestTopics.ensureAll();
  }

  @BeforeEach
  void unique() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    fleetId = "fleet-" + suffix;
    cluster = "cluster-" + suffix;
  }

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable closeable : closeables) {
      closeable.close();
    }
  }

  private <T extends AutoCloseable> T closing(T closeable) {
    closeables.add(closeable);
    return closeable;
  }

  private GitIngest ingest(GitSourceConfig fleet, DiscoveryConfig discovery) {
    return closing(
        new GitIngest(
            new GitIngestConfig(
                List.of(fleet), work, null, null, null, Map.of(fleet.id(), discovery)),
            KafkaSettings.of(TestKafka.bootstrapServers()),
            REDACTOR));
  }

  private <K, V> TopicProbe<K, V> probe(Topic<K, V> topic) {
    return closing(
        TopicProbe.open(
            TestKafka.bootstrapServers(),
            topic.name(),
            topic.keySerde().deserializer(),
            topic.valueSerde().deserializer()));
  }

  /** The keys the renderer gives for a path, assembled as ingest-git assembles them. */
  private Set<ResourceKey> expectedKeys(Path repository, String path, String targetNamespace)
      throws IOException {
    RenderResult result =
        new KustomizeRenderer(YamlLimits.DEFAULTS, Optional.ofNullable(targetNamespace))
            .render(new FileSystemSourceTree(repository), path);
    assertThat(result.failed()).as("%s renders", path).isFalse();
    DesiredSet set = new DesiredSetAssembler(REDACTOR).assemble(result, cluster, "default");
    return set.objects().keySet();
  }

  /** The keys each source holds now on the topic, from every record of this test's cluster. */
  private static Map<String, Set<ResourceKey>> heldBySource(
      List<ConsumerRecord<ResourceKey, DesiredState>> records) {
    Map<ResourceKey, String> owner = new LinkedHashMap<>();
    for (ConsumerRecord<ResourceKey, DesiredState> record : records) {
      if (record.value() == null) {
        owner.remove(record.key());
      } else {
        owner.put(record.key(), record.value().source());
      }
    }
    Map<String, Set<ResourceKey>> bySource = new HashMap<>();
    owner.forEach((key, source) -> bySource.computeIfAbsent(source, s -> new HashSet<>()).add(key));
    return bySource;
  }

  private List<ConsumerRecord<ResourceKey, DesiredState>> desiredOfThisTest(
      TopicProbe<ResourceKey, DesiredState> probe) {
    return probe.drain(QUIET).stream().filter(r -> r.key().cluster().equals(cluster)).toList();
  }

  private static SourceStatus awaitStatus(
      TopicProbe<String, SourceStatus> statuses, String sourceId, SourcePhase phase) {
    return statuses
        .await(
            r ->
                r.key().equals(SourceStatus.gitSource(sourceId))
                    && r.value() != null
                    && r.value().phase() == phase,
            WAIT)
        .value();
  }

  private static void copyTree(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void everyFluxKustomizationOfTheOpenChoreoFleetSyncsAndARemovedOneIsWithdrawn()
      throws IOException {
    Path corpus = SharedCorpus.repository("openchoreo-sample-gitops");
    GitFixture repo = closing(GitFixture.create(origin));
    copyTree(corpus, origin);
    repo.commit("the sample fleet");
    GitSourceConfig fleet =
        new GitSourceConfig(
            fleetId,
            origin.toString(),
            "main",
            "flux",
            cluster,
            null,
            Duration.ofMillis(300),
            null);
    DiscoveryConfig discovery =
        new DiscoveryConfig(
            true, false, null, Map.of(SAMPLE_URL, origin.toString()), Map.of(), null);
    Map<String, Set<ResourceKey>> expected = new LinkedHashMap<>();
    expected.put(fleetId + ".flux-system.namespaces", expectedKeys(corpus, "namespaces", null));
    expected.put(
        fleetId + ".flux-system.oc-demo-platform",
        expectedKeys(corpus, "namespaces/default/platform", "default"));
    expected.put(
        fleetId + ".flux-system.oc-demo-projects",
        expectedKeys(corpus, "namespaces/default/projects", "default"));
    expected.put(
        fleetId + ".flux-system.platform-shared", expectedKeys(corpus, "platform-shared", null));
    TopicProbe<String, SourceStatus> statuses = probe(Topics.SOURCE_STATUS);
    TopicProbe<ResourceKey, DesiredState> desired = probe(Topics.DESIRED_STATE);

    GitIngest ingest = ingest(fleet, discovery);
    ingest.start();

    SourceStatus fleetStatus = awaitStatus(statuses, fleetId, SourcePhase.SYNCED);
    assertThat(fleetStatus.message()).isEqualTo("declares 4 sources");
    for (Map.Entry<String, Set<ResourceKey>> child : expected.entrySet()) {
      SourceStatus synced = awaitStatus(statuses, child.getKey(), SourcePhase.SYNCED);
      assertThat(synced.resourceCount())
          .as("objects of %s", child.getKey())
          .isEqualTo(child.getValue().size());
    }
    assertThat(ingest.sourceIds())
        .containsExactlyInAnyOrderElementsOf(
            Stream.concat(Stream.of(fleetId), expected.keySet().stream()).toList());
    Map<String, Set<ResourceKey>> held = heldBySource(desiredOfThisTest(desired));
    expected.forEach(
        (id, keys) -> assertThat(held.get(id)).as("objects of %s", id).isEqualTo(keys));
    assertThat(held.get(fleetId + ".flux-system.namespaces"))
        .contains(new ResourceKey(cluster, "", "Namespace", "", "default"));
    assertThat(held.get(fleetId + ".flux-system.oc-demo-projects"))
        .extracting(ResourceKey::namespace)
        .containsOnly("default");
    assertThat(expected.values()).allSatisfy(keys -> assertThat(keys).isNotEmpty());

    repo.delete("flux/platform-shared-kustomization.yaml").commit("retire platform-shared");

    String removed = fleetId + ".flux-system.platform-shared";
    statuses.await(r -> r.key().equals(SourceStatus.gitSource(removed)) && r.value() == null, WAIT);
    Awaitility.await()
        .atMost(WAIT)
        .untilAsserted(
            () -> assertThat(heldBySource(desiredOfThisTest(desired))).doesNotContainKey(removed));
    List<ConsumerRecord<ResourceKey, DesiredState>> records = desiredOfThisTest(desired);
    Set<ResourceKey> tombstoned =
        records.stream()
            .filter(r -> r.value() == null)
            .map(ConsumerRecord::key)
            .collect(Collectors.toSet());
    // The fleet withdraws the Kustomization object it declared; the source withdraws its objects.
    Set<ResourceKey> withdrawn = new HashSet<>(expected.get(removed));
    withdrawn.add(
        new ResourceKey(
            cluster,
            "kustomize.toolkit.fluxcd.io",
            "Kustomization",
            "flux-system",
            "platform-shared"));
    assertThat(tombstoned).isEqualTo(withdrawn);
    Map<String, Set<ResourceKey>> after = heldBySource(records);
    expected.keySet().stream()
        .filter(id -> !id.equals(removed))
        .forEach(
            id -> assertThat(after.get(id)).as("objects of %s", id).isEqualTo(expected.get(id)));
    assertThat(ingest.sourceIds()).doesNotContain(removed).hasSize(4);
  }

  private static String application(String name, String path, String extra) {
    return """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata: {name: %s, namespace: argocd}
        spec:
          project: default
          source:
            repoURL: %s
            path: %s
            targetRevision: HEAD
        %s
          destination: {server: https://kubernetes.default.svc, namespace: %s}
        ---
        """
        .formatted(name, APPS_URL, path, extra, name);
  }

  @Test
  void argoApplicationsSyncTheirPathsAndARestartWithdrawsOneRemovedWhileStopped() {
    GitFixture apps = closing(GitFixture.create(appsOrigin));
    apps.write("web/deployment.yaml", GitFixture.deployment("web", 2))
        .write("web/nested/config.yaml", GitFixture.configMap("web-nested", "x"))
        .write("api/deployment.yaml", GitFixture.deployment("api", 1))
        .write("api/nested/config.yaml", GitFixture.configMap("api-nested", "y"))
        .commit("apps");
    GitFixture fleetRepo = closing(GitFixture.create(origin));
    String fleetSha =
        fleetRepo
            .write(
                "argo/apps.yaml",
                application("web", "web", "")
                    + application("api", "api", "    directory: {recurse: true}")
                    + application("chart", "web", "    helm: {valueFiles: [prod.yaml]}"))
            .commit("three applications");
    GitSourceConfig fleet =
        new GitSourceConfig(
            fleetId, origin.toString(), "main", "argo", cluster, null, Duration.ofMinutes(1), null);
    DiscoveryConfig discovery =
        new DiscoveryConfig(
            false, true, null, Map.of(APPS_URL, appsOrigin.toString()), Map.of(), null);
    TopicProbe<String, SourceStatus> statuses = probe(Topics.SOURCE_STATUS);
    TopicProbe<ResourceKey, DesiredState> desired = probe(Topics.DESIRED_STATE);
    String web = fleetId + ".argo.web";
    String api = fleetId + ".argo.api";
    String chart = fleetId + ".argo.chart";

    GitIngest first = ingest(fleet, discovery);
    PollSummary summary = first.pollOnce();

    assertThat(summary.allSucceeded()).isFalse();
    assertThat(summary.source(fleetId).errors()).as("the chart's problem").isEqualTo(1);
    assertThat(summary.source(web).published()).isEqualTo(1);
    assertThat(summary.source(api).published()).isEqualTo(2);
    assertThat(summary.source(chart).failure()).contains("spec.source.helm (Helm rendering)");
    Map<String, Set<ResourceKey>> held = heldBySource(desiredOfThisTest(desired));
    // Argo CD reads web/ without recursing; api/ asks for recursion. destination.namespace is the
    // namespace of objects that set none.
    assertThat(held.get(web))
        .containsExactly(new ResourceKey(cluster, "apps", "Deployment", "web", "web"));
    assertThat(held.get(api))
        .containsExactlyInAnyOrder(
            new ResourceKey(cluster, "apps", "Deployment", "api", "api"),
            new ResourceKey(cluster, "", "ConfigMap", "api", "api-nested"));
    SourceStatus failed = awaitStatus(statuses, chart, SourcePhase.FAILED);
    assertThat(failed.message())
        .startsWith("Source '" + chart + "': Application argocd/chart: spec.source.helm")
        .contains("declared in argo/apps.yaml of fleet '" + fleetId + "'");
    DeadLetter problem =
        probe(Topics.DEAD_LETTER)
            .await(r -> r.key().equals(fleetId + "@" + fleetSha + ":argo/apps.yaml"), WAIT)
            .value();
    assertThat(problem.reason()).contains("Application argocd/chart");
    first.close();

    fleetRepo
        .write(
            "argo/apps.yaml",
            application("web", "web", "")
                + application("chart", "web", "    helm: {valueFiles: [prod.yaml]}"))
        .commit("retire api while driftwatch is stopped");
    GitIngest second = ingest(fleet, discovery);
    PollSummary afterRestart = second.pollOnce();

    assertThat(afterRestart.source(web).published())
        .as("web comes back with what it published: nothing to send again")
        .isZero();
    statuses.await(r -> r.key().equals(SourceStatus.gitSource(api)) && r.value() == null, WAIT);
    Awaitility.await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              Map<String, Set<ResourceKey>> now = heldBySource(desiredOfThisTest(desired));
              assertThat(now).doesNotContainKey(api);
              assertThat(now.get(web)).hasSize(1);
            });
    assertThat(second.sourceIds()).containsExactlyInAnyOrder(fleetId, web, chart);
  }
}
