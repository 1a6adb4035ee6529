package io.driftwatch.bench.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.diff.DiffEngine;
import io.driftwatch.drift.DriftStreamConfig;
import io.driftwatch.drift.ResourceSides;
import io.driftwatch.drift.episode.Verdict;
import io.driftwatch.drift.episode.Verdicts;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.FieldDiff;
import io.driftwatch.model.SyncStatus;
import org.junit.jupiter.api.Test;

class GeneratedResourcesTest {

  private final GeneratedResources resources = new GeneratedResources();
  private final DiffEngine engine = new DiffEngine(DriftStreamConfig.defaultComparison());

  @Test
  void desiredAndLiveAtTheDesiredReplicasAreInSync() {
    Verdict verdict =
        Verdicts.of(
            ResourceSides.compare(
                resources.desired(42),
                resources.live(42, GeneratedResources.DESIRED_REPLICAS),
                engine),
            null);

    assertThat(verdict.syncStatus()).isEqualTo(SyncStatus.SYNCED);
  }

  @Test
  void otherLiveReplicasAreOneModifiedField() {
    Verdict verdict =
        Verdicts.of(
            ResourceSides.compare(resources.desired(42), resources.live(42, 3), engine), null);

    assertThat(verdict.driftType()).isEqualTo(DriftType.MODIFIED);
    assertThat(verdict.diffs()).extracting(FieldDiff::path).containsExactly("/spec/replicas");
  }

  @Test
  void everyResourceHasItsOwnKeyAndTheLiveManifestCarriesNoServerMetadata() {
    assertThat(GeneratedResources.key(1)).isNotEqualTo(GeneratedResources.key(2));
    assertThat(resources.desired(7).key()).isEqualTo(GeneratedResources.key(7));
    var live = resources.live(7, 2);
    assertThat(live.key()).isEqualTo(GeneratedResources.key(7));
    assertThat(live.manifest().at("/metadata/name").asText()).isEqualTo("api-7");
    assertThat(live.manifest().at("/metadata/uid").isMissingNode()).isTrue();
    assertThat(live.manifest().has("status")).isFalse();
    assertThat(live.managedFields()).hasSize(2);
    assertThat(live.status()).isNotNull();
  }
}
