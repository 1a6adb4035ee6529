package io.driftwatch.launcher.config;

import io.driftwatch.drift.gate.GateSettings;
import io.driftwatch.drift.reconcile.ReconcileFailureSettings;
import java.time.Duration;
import java.util.List;

/**
 * Reads {@code driftStream.gate} and {@code driftStream.reconcileFailures}: when a difference may
 * be published as drift, and how reconcile failures are deduplicated. Absent keys take the
 * defaults; problems join the loader's list, each naming its key and the fix.
 */
final class GateConfigReader {

  private final List<String> problems;

  GateConfigReader(List<String> problems) {
    this.problems = problems;
  }

  GateSettings gate(ConfigFile.Gate g) {
    if (g == null) {
      return GateSettings.DEFAULTS;
    }
    return new GateSettings(
        duration(
            "driftStream.gate.pendingGrace",
            g.pendingGrace(),
            GateSettings.DEFAULT_PENDING_GRACE,
            true),
        duration("driftStream.gate.settle", g.settle(), GateSettings.DEFAULT_SETTLE, true),
        duration(
            "driftStream.gate.recheckInterval",
            g.recheckInterval(),
            GateSettings.DEFAULT_RECHECK_INTERVAL,
            false));
  }

  ReconcileFailureSettings reconcileFailures(ConfigFile.ReconcileFailures r) {
    if (r == null) {
      return ReconcileFailureSettings.DEFAULTS;
    }
    return new ReconcileFailureSettings(
        duration(
            "driftStream.reconcileFailures.dedupWindow",
            r.dedupWindow(),
            ReconcileFailureSettings.DEFAULT_DEDUP_WINDOW,
            false));
  }

  private Duration duration(String key, String text, Duration fallback, boolean zeroAllowed) {
    return Durations.read(problems, key, text, fallback, zeroAllowed);
  }
}
