package io.driftwatch.drift.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.drift.Reconcilers;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.ReconcilerStatus;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.SourceOrigin;
import io.driftwatch.model.SourcePhase;
import io.driftwatch.model.SourceStatus;
import io.driftwatch.model.SyncStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GateTest {

  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  private static final ResourceKey WEB =
      ResourceKey.of("prod", "apps/v1", "Deployment", "shop", "web");
  private static final ResourceKey APPS =
      new ResourceKey(
          "prod", "kustomize.toolkit.fluxcd.io", "Kustomization", "flux-system", "apps");
  private static final String OLD = "1111111111111111111111111111111111111111";
  private static final String NEW = "2222222222222222222222222222222222222222";
  private static final String CLUSTER_KIND =
      SourceStatus.clusterSource("prod", "apps", "Deployment");

  private final Gate gate =
      new Gate(
          new GateSettings(Duration.ofMinutes(5), Duration.ofSeconds(10), Duration.ofSeconds(1)));
  private final Map<String, SourceStatus> sources = new HashMap<>();
  private final Map<ResourceKey, ReconcilerStatus> reconcilers = new HashMap<>();
  private final Authorities authorities =
      new Authorities() {
        @Override
        public SourceStatus source(String sourceKey) {
          return sources.get(sourceKey);
        }

        @Override
        public ReconcilerStatus reconciler(ResourceKey reconciler) {
          return reconcilers.get(reconciler);
        }
      };

  @Test
  void missingLiveIsUnknownUntilTheClusterHasListedTheKind() {
    GateInputs in = new GateInputs("shop", NEW, NOW.minusSeconds(3600), null);

    Decision none = judge(DriftType.MISSING_LIVE, in, NOW);
    assertThat(none.status()).isEqualTo(SyncStatus.UNKNOWN);
    assertThat(none.reason()).contains("no status yet from " + CLUSTER_KIND);

    source(CLUSTER_KIND, SourcePhase.LISTING, NOW.minusSeconds(60), null);
    assertThat(judge(DriftType.MISSING_LIVE, in, NOW).reason())
        .isEqualTo(CLUSTER_KIND + " is LISTING");

    source(CLUSTER_KIND, SourcePhase.RELISTING, NOW.minusSeconds(60), "watch expired (410 Gone)");
    assertThat(judge(DriftType.MISSING_LIVE, in, NOW).reason())
        .isEqualTo(CLUSTER_KIND + " is RELISTING: watch expired (410 Gone)");

    source(CLUSTER_KIND, SourcePhase.SYNCED, NOW.minusSeconds(60), null);
    assertThat(judge(DriftType.MISSING_LIVE, in, NOW)).isEqualTo(Decision.STANDS);
  }

  @Test
  void aSyncedReportCountsOnceInputAsRecentWasProcessedOrTheSettleTimeHasPassed() {
    GateInputs in = new GateInputs("shop", NEW, NOW.minusSeconds(3600), null);
    Instant reported = NOW.minusSeconds(2);
    source(CLUSTER_KIND, SourcePhase.SYNCED, reported, null);

    Decision behind =
        gate.judge(
            WEB, DriftType.MISSING_LIVE, in, NOW, authorities, reported.toEpochMilli() - 1, NOW);
    assertThat(behind.status()).isEqualTo(SyncStatus.UNKNOWN);
    assertThat(behind.reason()).contains("catching up");

    assertThat(
            gate.judge(
                WEB, DriftType.MISSING_LIVE, in, NOW, authorities, reported.toEpochMilli(), NOW))
        .isEqualTo(Decision.STANDS);
    Instant settled = reported.plusSeconds(10);
    assertThat(gate.judge(WEB, DriftType.MISSING_LIVE, in, settled, authorities, 0, settled))
        .isEqualTo(Decision.STANDS);
  }

  @Test
  void extraLiveIsUnknownUntilItsGitSourceHasRenderedItsCommit() {
    GateInputs in = new GateInputs("shop", null, null, APPS);
    String git = SourceStatus.gitSource("shop");
    source(git, SourcePhase.RENDERING, NOW.minusSeconds(30), null);
    assertThat(judge(DriftType.EXTRA_LIVE, in, NOW).reason()).isEqualTo(git + " is RENDERING");

    assertThat(judge(DriftType.EXTRA_LIVE, new GateInputs(null, null, null, APPS), NOW).reason())
        .isEqualTo("no Git source is known to have declared it");

    source(git, SourcePhase.SYNCED, NOW.minusSeconds(30), null);
    reconcilers.put(APPS, Reconcilers.applied(APPS, "main@sha1:" + NEW, NOW));
    assertThat(judge(DriftType.EXTRA_LIVE, in, NOW)).isEqualTo(Decision.STANDS);
  }

  @Test
  void aCommitTheReconcilerHasNotAppliedIsPendingUntilTheGracePeriodFromTheCommitRunsOut() {
    source(SourceStatus.gitSource("shop"), SourcePhase.SYNCED, NOW.minusSeconds(30), null);
    reconcilers.put(APPS, Reconcilers.applied(APPS, "main@sha1:" + OLD, NOW));
    Instant committed = NOW.minusSeconds(60);
    GateInputs in = new GateInputs("shop", NEW, committed, APPS);

    Decision pending = judge(DriftType.MODIFIED, in, NOW);
    assertThat(pending.status()).isEqualTo(SyncStatus.PENDING);
    assertThat(pending.reason())
        .isEqualTo(
            "waiting for Kustomization flux-system/apps to apply 222222222222 (last applied main@sha1:"
                + OLD
                + ") until "
                + committed.plus(Duration.ofMinutes(5)));

    Instant later = committed.plus(Duration.ofMinutes(5));
    assertThat(gate.judge(WEB, DriftType.MODIFIED, in, NOW, authorities, 0, later))
        .isEqualTo(Decision.STANDS);
  }

  @Test
  void aReconcilerThatAppliedTheCommitOrTheSourcesNewerRevisionMakesTheDifferenceDrift() {
    GateInputs in = new GateInputs("shop", OLD, NOW.minusSeconds(3600), APPS);
    reconcilers.put(APPS, Reconcilers.applied(APPS, "main@sha1:" + OLD, NOW));
    assertThat(judge(DriftType.MODIFIED, in, NOW)).isEqualTo(Decision.STANDS);

    // The resource last changed at OLD; the source and the reconciler have moved on to NEW.
    source(SourceStatus.gitSource("shop"), SourcePhase.SYNCED, NOW.minusSeconds(30), null);
    sources.put(
        SourceStatus.gitSource("shop"),
        SourceStatus.of(
            SourceStatus.gitSource("shop"),
            SourceOrigin.GIT,
            SourcePhase.SYNCED,
            NEW,
            10,
            NOW.minusSeconds(30),
            null));
    reconcilers.put(APPS, Reconcilers.applied(APPS, "main@sha1:" + NEW, NOW));
    assertThat(judge(DriftType.MODIFIED, in, NOW)).isEqualTo(Decision.STANDS);
  }

  @Test
  void aSourceReportOlderThanTheCommitDoesNotStandForIt() {
    // The global store has not seen the source's report of NEW yet: it still says OLD, which the
    // reconciler applied. That must not make NEW's difference drift.
    sources.put(
        SourceStatus.gitSource("shop"),
        SourceStatus.of(
            SourceStatus.gitSource("shop"),
            SourceOrigin.GIT,
            SourcePhase.SYNCED,
            OLD,
            10,
            NOW.minusSeconds(600),
            null));
    reconcilers.put(APPS, Reconcilers.applied(APPS, "main@sha1:" + OLD, NOW));
    GateInputs in = new GateInputs("shop", NEW, NOW.minusSeconds(20), APPS);
    assertThat(judge(DriftType.MODIFIED, in, NOW).status()).isEqualTo(SyncStatus.PENDING);
  }

  @Test
  void withNoReconcilerKnownTheGracePeriodAloneDecides() {
    GateInputs fresh = new GateInputs("shop", NEW, NOW.minusSeconds(10), null);
    Decision pending = judge(DriftType.MODIFIED, fresh, NOW);
    assertThat(pending.status()).isEqualTo(SyncStatus.PENDING);
    assertThat(pending.reason()).startsWith("no reconciler is known to manage it");

    GateInputs old = new GateInputs("shop", NEW, NOW.minus(Duration.ofHours(2)), null);
    assertThat(judge(DriftType.MODIFIED, old, NOW))
        .as("a manual change to an object of an old commit is drift at once")
        .isEqualTo(Decision.STANDS);
  }

  @Test
  void theGracePeriodCountsFromFirstSightingWhenTheCommitTimeIsUnknownOrLater() {
    GateInputs noTime = new GateInputs("shop", NEW, null, null);
    Instant firstSeen = NOW.minusSeconds(299);
    assertThat(gate.judge(WEB, DriftType.MODIFIED, noTime, firstSeen, authorities, 0, NOW).status())
        .isEqualTo(SyncStatus.PENDING);
    assertThat(
            gate.judge(
                WEB, DriftType.MODIFIED, noTime, firstSeen, authorities, 0, NOW.plusSeconds(1)))
        .isEqualTo(Decision.STANDS);
  }

  private Decision judge(DriftType type, GateInputs in, Instant now) {
    return gate.judge(WEB, type, in, now, authorities, now.toEpochMilli(), now);
  }

  private void source(String key, SourcePhase phase, Instant at, String message) {
    SourceOrigin origin = key.startsWith("git:") ? SourceOrigin.GIT : SourceOrigin.CLUSTER;
    sources.put(key, SourceStatus.of(key, origin, phase, NEW, 1, at, message));
  }
}
