package io.driftwatch.launcher.config;

import io.driftwatch.drift.remediation.RemediationBackoff;
import io.driftwatch.drift.remediation.RemediationPolicy;
import io.driftwatch.drift.remediation.RemediationRule;
import io.driftwatch.drift.remediation.RemediationSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates the {@code driftStream.remediation:} section and turns it into {@link
 * RemediationSettings}: the policy, the backoff and the tick interval. Problems join the loader's
 * list, each naming its key and the fix; when there are any, the settings returned are detect-only
 * and the loader fails before they are used.
 */
final class RemediationConfigReader {

  static final String AT = "driftStream.remediation";

  private final List<String> problems;

  /**
   * @param problems where problems are added
   */
  RemediationConfigReader(List<String> problems) {
    this.problems = problems;
  }

  /**
   * @param section the section as written, or null when the file has none (detect only)
   */
  RemediationSettings read(RemediationSection section) {
    if (section == null) {
      return RemediationSettings.detectOnly();
    }
    int before = problems.size();
    RemediationPolicy policy = policy(section.rules());
    RemediationBackoff backoff = backoff(section.backoff());
    Duration tick =
        duration(
            AT + ".tickInterval",
            section.tickInterval(),
            RemediationSettings.DEFAULT_TICK_INTERVAL,
            false);
    if (problems.size() > before) {
      return RemediationSettings.detectOnly();
    }
    return new RemediationSettings(policy, backoff, tick);
  }

  private RemediationPolicy policy(List<RemediationSection.Rule> written) {
    if (written == null || written.isEmpty()) {
      return RemediationPolicy.detectOnly();
    }
    List<RemediationRule> rules = new ArrayList<>();
    Map<String, Integer> names = new HashMap<>();
    for (int i = 0; i < written.size(); i++) {
      RemediationSection.Rule r = written.get(i);
      if (r == null) {
        rules.add(null);
        continue;
      }
      if (r.name() != null && !r.name().isBlank()) {
        Integer first = names.putIfAbsent(r.name().strip(), i);
        if (first != null) {
          problems.add(
              AT
                  + ".rules["
                  + i
                  + "].name: '"
                  + r.name()
                  + "' is also the name of rules["
                  + first
                  + "]; requests carry the name, so give each rule its own");
        }
      }
      rules.add(
          new RemediationRule(
              r.name(),
              r.cluster(),
              r.namespace(),
              r.kind(),
              r.labels(),
              r.driftTypes(),
              r.action()));
    }
    List<String> invalid = RemediationPolicy.problems(rules);
    invalid.forEach(problem -> problems.add("driftStream." + problem));
    return invalid.isEmpty() ? RemediationPolicy.of(rules) : RemediationPolicy.detectOnly();
  }

  private RemediationBackoff backoff(RemediationSection.Backoff b) {
    RemediationBackoff defaults = RemediationBackoff.defaults();
    if (b == null) {
      return defaults;
    }
    String at = AT + ".backoff";
    int before = problems.size();
    Duration initial = duration(at + ".initial", b.initial(), defaults.initial(), false);
    Duration cap = duration(at + ".cap", b.cap(), defaults.cap(), false);
    Duration cooldown =
        duration(at + ".resetCooldown", b.resetCooldown(), defaults.resetCooldown(), true);
    int factor = atLeastOne(at + ".factor", b.factor(), defaults.factor());
    int maxAttempts = atLeastOne(at + ".maxAttempts", b.maxAttempts(), defaults.maxAttempts());
    if (problems.size() > before) {
      return defaults;
    }
    try {
      return new RemediationBackoff(initial, factor, cap, maxAttempts, cooldown);
    } catch (IllegalArgumentException e) {
      problems.add("driftStream." + e.getMessage());
      return defaults;
    }
  }

  private Duration duration(String key, String text, Duration fallback, boolean zeroAllowed) {
    return Durations.read(problems, key, text, fallback, zeroAllowed);
  }

  private int atLeastOne(String key, Integer value, int fallback) {
    if (value == null) {
      return fallback;
    }
    if (value < 1) {
      problems.add(
          key
              + ": must be at least 1 (it is "
              + value
              + "); leave it out for the default "
              + fallback);
      return fallback;
    }
    return value;
  }
}
