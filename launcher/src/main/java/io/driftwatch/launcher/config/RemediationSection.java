package io.driftwatch.launcher.config;

import java.util.List;

/**
 * {@code driftStream.remediation:} as written, every key optional: ordered rules that decide what
 * to do about a drifted resource, the backoff between attempts and the tick that looks for due
 * attempts. Left out, drift is only detected. {@link RemediationConfigReader} validates it.
 *
 * @param tickInterval how often due attempts are looked for (default 1s)
 */
public record RemediationSection(List<Rule> rules, Backoff backoff, String tickInterval) {

  /**
   * {@code driftStream.remediation.rules[]:} one rule; every matcher left out matches everything.
   *
   * @param labels a Kubernetes label selector string, matched against the desired manifest's labels
   * @param driftTypes MODIFIED, MISSING_LIVE, EXTRA_LIVE; left out = all
   * @param action none, notify, reconcile or apply
   */
  public record Rule(
      String name,
      String cluster,
      String namespace,
      String kind,
      String labels,
      List<String> driftTypes,
      String action) {}

  /**
   * {@code driftStream.remediation.backoff:} Argo CD's self-heal backoff by default (2s, ×3, capped
   * at 5m, cooldown 330s) with 6 attempts before the escalation.
   */
  public record Backoff(
      String initial, Integer factor, String cap, Integer maxAttempts, String resetCooldown) {}
}
