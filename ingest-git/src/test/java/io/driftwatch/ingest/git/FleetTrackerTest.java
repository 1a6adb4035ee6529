package io.driftwatch.ingest.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.ingest.git.discover.DiscoveredSource;
import io.driftwatch.ingest.git.discover.DiscoveredSources;
import io.driftwatch.ingest.git.discover.DiscoveryConfig;
import io.driftwatch.ingest.git.render.DesiredSet;
import io.driftwatch.ingest.git.render.RenderError;
import io.driftwatch.ingest.git.render.kustomize.BuildOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What each fleet commit adds, changes, keeps and withdraws. */
class FleetTrackerTest {

  private static final DesiredSet RENDERED = new DesiredSet(Map.of(), List.of());

  private FleetTracker tracker;

  @BeforeEach
  void fleet() {
    tracker =
        new FleetTracker(
            new GitSourceConfig("fleet", "/srv/fleet", "main", "flux", "c1", null, null, null),
            DiscoveryConfig.of(true, false));
  }

  private static DiscoveredSource ready(String name, String path) {
    return new DiscoveredSource(
        "fleet.flux-system." + name,
        "Kustomization flux-system/" + name,
        "flux/" + name + ".yaml",
        List.of("flux/repository.yaml"),
        DiscoveredSource.State.READY,
        new GitSourceConfig(
            "fleet.flux-system." + name,
            "/srv/apps",
            "main",
            path,
            "c1",
            null,
            Duration.ofMinutes(1),
            null),
        BuildOptions.NONE,
        null,
        false);
  }

  private static DiscoveredSource blockedByMissingRepository(String name) {
    return new DiscoveredSource(
        "fleet.flux-system." + name,
        "Kustomization flux-system/" + name,
        "flux/" + name + ".yaml",
        List.of(),
        DiscoveredSource.State.BLOCKED,
        null,
        null,
        "GitRepository flux-system/apps is not in the fleet",
        true);
  }

  private static DiscoveredSource suspended(String name) {
    return new DiscoveredSource(
        "fleet.flux-system." + name,
        "Kustomization flux-system/" + name,
        "flux/" + name + ".yaml",
        List.of(),
        DiscoveredSource.State.SUSPENDED,
        null,
        null,
        "suspended",
        false);
  }

  private static DiscoveredSources found(DiscoveredSource... sources) {
    return new DiscoveredSources(List.of(sources), List.of(), List.of());
  }

  private static DesiredSet failed(String... files) {
    return new DesiredSet(
        Map.of(), List.of(files).stream().map(f -> new RenderError(f, "invalid YAML")).toList());
  }

  private FleetTracker.Changes accept(DiscoveredSources found, DesiredSet desired) {
    return tracker.accept(found, desired, Set.of(), id -> false);
  }

  @Test
  void newSourcesAreDefinedAndAnUnchangedCommitChangesNothing() {
    FleetTracker.Changes first =
        accept(found(ready("a", "apps/a"), ready("b", "apps/b")), RENDERED);
    FleetTracker.Changes again =
        accept(found(ready("a", "apps/a"), ready("b", "apps/b")), RENDERED);

    assertThat(first.defined())
        .extracting(DiscoveredSource::id)
        .containsExactly("fleet.flux-system.a", "fleet.flux-system.b");
    assertThat(first.withdrawn()).isEmpty();
    assertThat(again.defined()).isEmpty();
    assertThat(again.withdrawn()).isEmpty();
  }

  @Test
  void aChangedSourceIsDefinedAgainAndARemovedOneWithdrawn() {
    accept(found(ready("a", "apps/a"), ready("b", "apps/b")), RENDERED);

    FleetTracker.Changes changes = accept(found(ready("a", "apps/a2")), RENDERED);

    assertThat(changes.defined()).extracting(s -> s.config().path()).containsExactly("apps/a2");
    assertThat(changes.withdrawn()).containsExactly("fleet.flux-system.b");
    assertThat(tracker.children()).containsOnlyKeys("fleet.flux-system.a");
  }

  @Test
  void aSourceWhoseFileFailedToRenderKeepsItsDefinition() {
    accept(found(ready("a", "apps/a"), ready("b", "apps/b")), RENDERED);

    FleetTracker.Changes changes = accept(found(ready("a", "apps/a")), failed("flux/b.yaml"));

    assertThat(changes.withdrawn()).isEmpty();
    assertThat(changes.defined()).isEmpty();
    assertThat(tracker.children()).containsKeys("fleet.flux-system.a", "fleet.flux-system.b");
  }

  @Test
  void aMissingReferenceWhileAFileFailedKeepsTheDefinitionAndIsAProblemOtherwise() {
    accept(found(ready("a", "apps/a")), RENDERED);

    FleetTracker.Changes whileBroken =
        accept(found(blockedByMissingRepository("a")), failed("flux/repository.yaml"));
    FleetTracker.Changes whenClean = accept(found(blockedByMissingRepository("a")), RENDERED);

    assertThat(whileBroken.defined()).isEmpty();
    assertThat(whenClean.defined())
        .extracting(DiscoveredSource::state)
        .containsExactly(DiscoveredSource.State.BLOCKED);
  }

  @Test
  void aSuspendedSourceIsNotWithdrawn() {
    accept(found(ready("a", "apps/a")), RENDERED);

    FleetTracker.Changes changes = accept(found(suspended("a")), RENDERED);

    assertThat(changes.withdrawn()).isEmpty();
    assertThat(changes.defined())
        .extracting(DiscoveredSource::state)
        .containsExactly(DiscoveredSource.State.SUSPENDED);
  }

  @Test
  void afterARestartSourcesTheFleetNoLongerDeclaresAreWithdrawnOnce() {
    Set<String> resumed =
        Set.of(
            "fleet.flux-system.a",
            "fleet.flux-system.gone",
            "fleet.argo.configured",
            "fleet-2.flux-system.x",
            "other");

    FleetTracker.Changes first =
        tracker.accept(
            found(ready("a", "apps/a")),
            RENDERED,
            resumed,
            id -> id.equals("fleet.argo.configured"));
    FleetTracker.Changes second =
        tracker.accept(found(ready("a", "apps/a")), RENDERED, resumed, id -> false);

    assertThat(first.withdrawn()).containsExactly("fleet.flux-system.gone");
    assertThat(second.withdrawn()).isEmpty();
  }
}
