package io.driftwatch.ingest.git.discover;

import io.driftwatch.ingest.git.render.RenderError;
import java.util.ArrayList;
import java.util.List;

/**
 * What the derivers found in one fleet commit, gathered in rendering order. A blocked source is
 * also a problem; its status message says which fleet and file declare it.
 */
final class Findings {

  private final String fleetId;
  private final List<DiscoveredSource> sources = new ArrayList<>();
  private final List<RenderError> problems = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  Findings(String fleetId) {
    this.fleetId = fleetId;
  }

  void ready(DiscoveredSource source) {
    sources.add(source);
  }

  /**
   * A source that cannot be rendered as its reconciler would.
   *
   * @param problem starts with the object and says what is wrong and the fix
   */
  void blocked(String id, FleetObject object, String problem, boolean missingReference) {
    sources.add(
        DiscoveredSource.blocked(
            id,
            object.describe(),
            object.path(),
            problem + " (declared in " + object.path() + " of fleet '" + fleetId + "')",
            missingReference));
    problems.add(new RenderError(object.path(), problem));
  }

  void suspended(String id, FleetObject object, String note) {
    sources.add(DiscoveredSource.suspended(id, object.describe(), object.path(), note));
    notes.add(object.path() + ": " + note);
  }

  /** A problem that is no source's status (the object could not become a source at all). */
  void problem(String path, String problem) {
    problems.add(new RenderError(path, problem));
  }

  void note(String note) {
    notes.add(note);
  }

  List<DiscoveredSource> sources() {
    return sources;
  }

  DiscoveredSources result() {
    return new DiscoveredSources(sources, problems, notes);
  }
}
