package io.driftwatch.ingest.git.discover;

import io.driftwatch.ingest.git.GitSourceConfig;
import io.driftwatch.ingest.git.render.RenderError;
import io.driftwatch.ingest.git.render.RenderedManifest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the sources a fleet declares from the objects it rendered at one commit: Flux
 * Kustomizations and/or Argo CD Applications, as the fleet's {@link DiscoveryConfig} asks. A source
 * whose id is taken (by a configured source, another fleet's source or an earlier object of this
 * fleet) is left out with a problem; a problem never stops the other sources.
 */
public final class SourceDiscovery {

  private SourceDiscovery() {}

  /**
   * @param fleet the fleet source
   * @param config its discovery settings
   * @param objects what it rendered at the commit, in rendering order
   * @param takenIds ids the fleet's sources must not use (configured sources, other fleets')
   */
  public static DiscoveredSources discover(
      GitSourceConfig fleet,
      DiscoveryConfig config,
      Collection<RenderedManifest> objects,
      Set<String> takenIds) {
    Fleet context = Fleet.of(fleet, config);
    List<FleetObject> fleetObjects =
        objects.stream().map(o -> new FleetObject(o.path(), o.manifest())).toList();
    Findings findings = new Findings(fleet.id());
    if (config.flux()) {
      FluxSourceDeriver.derive(context, fleetObjects, findings);
    }
    if (config.argo()) {
      ArgoSourceDeriver.derive(context, fleetObjects, findings);
    }
    DiscoveredSources found = findings.result();
    List<DiscoveredSource> kept = new ArrayList<>();
    List<RenderError> problems = new ArrayList<>(found.problems());
    Map<String, DiscoveredSource> byId = new HashMap<>();
    for (DiscoveredSource source : found.sources()) {
      DiscoveredSource first = byId.putIfAbsent(source.id(), source);
      if (first != null) {
        problems.add(
            new RenderError(
                source.declaredIn(),
                source.object()
                    + ": its source id '"
                    + source.id()
                    + "' is already taken by "
                    + first.object()
                    + " ("
                    + first.declaredIn()
                    + "); rename one of them (it is not rendered)"));
      } else if (takenIds.contains(source.id()) || source.id().equals(fleet.id())) {
        byId.remove(source.id());
        problems.add(
            new RenderError(
                source.declaredIn(),
                source.object()
                    + ": its source id '"
                    + source.id()
                    + "' is the id of a configured source or of another fleet's source; rename"
                    + " one of them (it is not rendered)"));
      } else {
        kept.add(source);
      }
    }
    return new DiscoveredSources(kept, problems, found.notes());
  }
}
