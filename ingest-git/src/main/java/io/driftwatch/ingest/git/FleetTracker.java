package io.driftwatch.ingest.git;

import io.driftwatch.ingest.git.discover.DiscoveredSource;
import io.driftwatch.ingest.git.discover.DiscoveredSources;
import io.driftwatch.ingest.git.discover.DiscoveryConfig;
import io.driftwatch.ingest.git.discover.SourceDiscovery;
import io.driftwatch.ingest.git.render.DesiredSet;
import io.driftwatch.ingest.git.render.RenderError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The sources one fleet declares, as of the last fleet commit that rendered: what a new commit
 * adds, changes and removes. A source whose file (or the file of the GitRepository or
 * ArtifactGenerator it was derived from) failed to render at the new commit keeps its previous
 * definition, as the objects of a failed file keep their last published state: a typo is not a
 * deletion. After a restart, the first commit also removes the sources this fleet declared before
 * and no longer does (found among the ids that had objects or a status on the topics).
 */
final class FleetTracker {

  private final GitSourceConfig fleet;
  private final DiscoveryConfig config;
  private Map<String, DiscoveredSource> children = new LinkedHashMap<>();
  private boolean orphansChecked;

  FleetTracker(GitSourceConfig fleet, DiscoveryConfig config) {
    this.fleet = fleet;
    this.config = config;
  }

  GitSourceConfig fleet() {
    return fleet;
  }

  /** The sources the fleet declares now, by id. */
  Map<String, DiscoveredSource> children() {
    return children;
  }

  /** The sources one rendered commit of the fleet declares; nothing changes yet. */
  DiscoveredSources discover(DesiredSet desired, Set<String> takenIds) {
    return SourceDiscovery.discover(fleet, config, desired.objects().values(), takenIds);
  }

  /**
   * Takes what a published fleet commit declares and says what changes.
   *
   * @param resumedIds ids that held objects or a status when this process started
   * @param foreign ids that belong to someone else (configured sources, other fleets)
   */
  Changes accept(
      DiscoveredSources found,
      DesiredSet desired,
      Collection<String> resumedIds,
      Predicate<String> foreign) {
    Set<String> failedFiles =
        desired.errors().stream().map(RenderError::path).collect(Collectors.toSet());
    Map<String, DiscoveredSource> next = new LinkedHashMap<>();
    for (DiscoveredSource source : found.sources()) {
      DiscoveredSource previous = children.get(source.id());
      boolean keepPrevious =
          previous != null
              && (previous.files().stream().anyMatch(failedFiles::contains)
                  || (source.missingReference() && !failedFiles.isEmpty()));
      next.put(source.id(), keepPrevious ? previous : source);
    }
    List<String> withdrawn = new ArrayList<>();
    for (DiscoveredSource previous : children.values()) {
      if (next.containsKey(previous.id())) {
        continue;
      }
      if (previous.files().stream().anyMatch(failedFiles::contains)) {
        next.put(previous.id(), previous);
      } else {
        withdrawn.add(previous.id());
      }
    }
    if (!orphansChecked) {
      String prefix = fleet.id() + ".";
      for (String id : resumedIds) {
        if (id.startsWith(prefix)
            && !next.containsKey(id)
            && !withdrawn.contains(id)
            && !foreign.test(id)) {
          withdrawn.add(id);
        }
      }
      orphansChecked = true;
    }
    List<DiscoveredSource> defined = new ArrayList<>();
    for (DiscoveredSource source : next.values()) {
      if (!source.equals(children.get(source.id()))) {
        defined.add(source);
      }
    }
    children = next;
    return new Changes(defined, withdrawn);
  }

  /**
   * What a fleet commit changes.
   *
   * @param defined sources that are new or whose definition changed (any state)
   * @param withdrawn ids of sources the fleet no longer declares: their objects and status go
   */
  record Changes(List<DiscoveredSource> defined, List<String> withdrawn) {
    Changes {
      defined = List.copyOf(defined);
      withdrawn = List.copyOf(withdrawn);
    }
  }
}
