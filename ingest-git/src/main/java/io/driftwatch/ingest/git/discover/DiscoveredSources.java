package io.driftwatch.ingest.git.discover;

import io.driftwatch.ingest.git.render.RenderError;
import io.driftwatch.model.topic.Topics;
import java.util.List;

/**
 * What one fleet commit declares: its sources (ready, blocked or suspended) and every problem, each
 * naming the file and object it comes from and the fix. Problems are published like render errors,
 * as dead letters; a blocked source's problem is also its status.
 *
 * @param sources the declared sources, in the order their objects were rendered
 * @param problems every problem: one per blocked source, plus objects that could not become a
 *     source at all (an id collision)
 * @param notes what is worth knowing but is not a problem (a suspended Kustomization, an
 *     ApplicationSet that is not expanded)
 */
public record DiscoveredSources(
    List<DiscoveredSource> sources, List<RenderError> problems, List<String> notes) {

  public DiscoveredSources {
    sources = List.copyOf(sources);
    problems = List.copyOf(problems);
    notes = List.copyOf(notes);
  }

  /** A line for the fleet's status: how many sources it declares and in which state. */
  public String summary() {
    long ready = count(DiscoveredSource.State.READY);
    long blocked = count(DiscoveredSource.State.BLOCKED);
    long suspended = count(DiscoveredSource.State.SUSPENDED);
    StringBuilder out = new StringBuilder("declares ").append(sources.size());
    out.append(sources.size() == 1 ? " source" : " sources");
    if (blocked + suspended > 0) {
      out.append(" (").append(ready).append(" rendered");
      if (blocked > 0) {
        out.append(", ").append(blocked).append(" blocked by a problem");
      }
      if (suspended > 0) {
        out.append(", ").append(suspended).append(" suspended");
      }
      out.append(')');
    }
    if (!problems.isEmpty()) {
      out.append("; ")
          .append(problems.size())
          .append(problems.size() == 1 ? " discovery problem" : " discovery problems")
          .append(" (see ")
          .append(Topics.DEAD_LETTER.name())
          .append(")");
    }
    return out.toString();
  }

  private long count(DiscoveredSource.State state) {
    return sources.stream().filter(s -> s.state() == state).count();
  }
}
