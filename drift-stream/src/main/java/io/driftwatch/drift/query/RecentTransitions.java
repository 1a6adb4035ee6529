package io.driftwatch.drift.query;

import io.driftwatch.model.DriftEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code drift-transition-history-store} holds per resource: its most recent drift
 * transitions, oldest first, so that "what happened to this resource lately" is one key lookup
 * rather than a scan of {@code gitops.drift-events.v1}.
 *
 * @param transitions oldest first; at most the {@code keep} the history was attached with
 */
public record RecentTransitions(int schemaVersion, List<DriftEvent> transitions) {

  public static final int SCHEMA_VERSION = 1;

  public RecentTransitions {
    transitions = transitions == null ? List.of() : List.copyOf(transitions);
  }

  /** No transitions yet. */
  public static RecentTransitions empty() {
    return new RecentTransitions(SCHEMA_VERSION, List.of());
  }

  /** These transitions and {@code event} after them, dropping the oldest beyond {@code keep}. */
  public RecentTransitions with(DriftEvent event, int keep) {
    List<DriftEvent> next = new ArrayList<>(transitions);
    next.add(event);
    int from = Math.max(0, next.size() - keep);
    return new RecentTransitions(SCHEMA_VERSION, next.subList(from, next.size()));
  }

  /** The {@code n} most recent transitions, newest first. */
  public List<DriftEvent> newest(int n) {
    List<DriftEvent> out = new ArrayList<>(Math.min(n, transitions.size()));
    for (int i = transitions.size() - 1; i >= 0 && out.size() < n; i--) {
      out.add(transitions.get(i));
    }
    return out;
  }

  /** When the most recent transition happened, or null when there is none or it has no time. */
  public Instant latestAt() {
    return transitions.isEmpty() ? null : transitions.get(transitions.size() - 1).at();
  }
}
