package io.driftwatch.ingest.git.discover;

import io.driftwatch.ingest.git.GitSourceConfig;
import io.driftwatch.ingest.git.render.kustomize.BuildOptions;
import java.util.List;
import java.util.stream.Stream;

/**
 * One source a fleet declares, in one of three states: {@link State#READY} to be polled as {@link
 * #config()} with {@link #build()}; {@link State#BLOCKED} by a problem (driftwatch cannot render it
 * as its reconciler would: its status says why and what it published before stands); {@link
 * State#SUSPENDED} in Git ({@code spec.suspend: true}: not rendered, what it published before
 * stands, as Flux leaves what it applied).
 *
 * @param id the source id, unique among all sources
 * @param object the reconciler object, e.g. {@code Kustomization flux-system/apps}
 * @param declaredIn the repository path of the file that declares it
 * @param dependsOn repository paths of the files of the objects it was derived from as well (its
 *     GitRepository, its ArtifactGenerator)
 * @param config what to poll; null unless READY
 * @param build what the reconciler adds to the build; {@link BuildOptions#NONE} unless READY
 * @param message the problem (BLOCKED) or the note (SUSPENDED); null when READY
 * @param missingReference true when BLOCKED because an object it refers to is not in the fleet
 */
public record DiscoveredSource(
    String id,
    String object,
    String declaredIn,
    List<String> dependsOn,
    State state,
    GitSourceConfig config,
    BuildOptions build,
    String message,
    boolean missingReference) {

  /** Whether the source can be polled. */
  public enum State {
    /** Derived completely: poll it. */
    READY,
    /** A problem stops driftwatch from rendering it as its reconciler does. */
    BLOCKED,
    /** Suspended in Git: not rendered; what it published stands. */
    SUSPENDED
  }

  public DiscoveredSource {
    dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    build = build == null ? BuildOptions.NONE : build;
  }

  static DiscoveredSource ready(
      String object,
      String declaredIn,
      List<String> dependsOn,
      GitSourceConfig config,
      BuildOptions build) {
    return new DiscoveredSource(
        config.id(), object, declaredIn, dependsOn, State.READY, config, build, null, false);
  }

  static DiscoveredSource blocked(
      String id, String object, String declaredIn, String problem, boolean missingReference) {
    return new DiscoveredSource(
        id, object, declaredIn, List.of(), State.BLOCKED, null, null, problem, missingReference);
  }

  static DiscoveredSource suspended(String id, String object, String declaredIn, String note) {
    return new DiscoveredSource(
        id, object, declaredIn, List.of(), State.SUSPENDED, null, null, note, false);
  }

  /** Every file this definition was derived from. */
  public List<String> files() {
    return Stream.concat(Stream.of(declaredIn), dependsOn.stream()).toList();
  }
}
