package io.driftwatch.ingest.cluster.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.ingest.cluster.normalize.LiveStateNormalizer;
import io.driftwatch.ingest.cluster.publish.LiveStatePublisher;
import io.driftwatch.ingest.cluster.testing.Fixtures;
import io.driftwatch.ingest.cluster.testing.RecordingSink;
import io.driftwatch.ingest.cluster.testing.SharedCorpus;
import io.driftwatch.model.ReconcilerStatus;
import io.driftwatch.model.ReconcilerStatus.ReadyState;
import io.driftwatch.model.ReconcilerStatus.ReconcilerTool;
import io.driftwatch.model.topic.Topics;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reconcilers declared in the real GitOps repositories of the shared corpus (Flux's fleet
 * example, OpenChoreo's sample GitOps repository), as they look just after being applied: no status
 * yet.
 */
class SharedCorpusReconcilersTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-26T09:30:00Z"), ZoneOffset.UTC);

  private static List<ObjectNode> objects;

  @BeforeAll
  static void loadCorpus() {
    objects = SharedCorpus.objects();
  }

  @Test
  void everyReconcilerOfTheCorpusIsRecognisedAndNothingElse() throws Exception {
    ReconcilerStatusNormalizer normalizer = new ReconcilerStatusNormalizer(CLOCK);
    List<ReconcilerStatus> statuses = new ArrayList<>();
    for (ObjectNode object : objects) {
      normalizer.normalize("corpus", object).ifPresent(statuses::add);
    }

    assertThat(statuses)
        .extracting(s -> s.key().kind())
        .contains("Kustomization", "HelmRelease", "GitRepository", "OCIRepository")
        .contains("HelmRepository", "ReleaseBinding")
        .doesNotContain("ComponentRelease", "Component", "Workload", "Namespace");
    assertThat(statuses)
        .filteredOn(s -> s.key().kind().equals("Kustomization"))
        .allSatisfy(s -> assertThat(s.key().group()).isEqualTo("kustomize.toolkit.fluxcd.io"));
    // Nothing has been reported for an object fresh from Git.
    assertThat(statuses)
        .allSatisfy(
            s -> {
              assertThat(s.ready()).isEqualTo(ReadyState.UNKNOWN);
              assertThat(s.reason()).isNull();
              assertThat(s.lastAppliedRevision()).isNull();
              assertThat(s.inventory()).isEmpty();
            });
  }

  @Test
  void everyReleaseBindingAttemptsAComponentReleaseTheCorpusDeclares() throws Exception {
    ReconcilerStatusNormalizer normalizer = new ReconcilerStatusNormalizer(CLOCK);
    Set<String> releases =
        objects.stream()
            .filter(o -> o.path("kind").asText().equals("ComponentRelease"))
            .map(o -> o.path("metadata").path("name").asText())
            .collect(Collectors.toSet());
    List<ReconcilerStatus> bindings = new ArrayList<>();
    for (ObjectNode object : objects) {
      normalizer
          .normalize("corpus", object)
          .filter(s -> s.tool() == ReconcilerTool.OPENCHOREO)
          .ifPresent(bindings::add);
    }

    assertThat(bindings).hasSize(4);
    assertThat(bindings).allSatisfy(b -> assertThat(releases).contains(b.lastAttemptedRevision()));
  }

  @Test
  void publishingTheCorpusYieldsOneReconcilerRecordPerReconcilerAndNoDeadLetter() {
    RecordingSink sink = new RecordingSink();
    LiveStatePublisher publisher =
        new LiveStatePublisher(
            "corpus", new LiveStateNormalizer(Fixtures.redactor(), CLOCK), sink, CLOCK);
    long reconcilers =
        objects.stream().filter(o -> ReconcilerStatusNormalizer.kindOf(o).isPresent()).count();

    objects.forEach(publisher::added);

    assertThat(sink.on(Topics.DEAD_LETTER)).isEmpty();
    assertThat(sink.on(Topics.LIVE_STATE)).hasSize(objects.size());
    assertThat(sink.on(Topics.RECONCILER_STATUS)).hasSize((int) reconcilers);
    assertThat(reconcilers).isGreaterThan(15);
  }
}
