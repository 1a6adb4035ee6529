package io.driftwatch.drift.remediation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.driftwatch.diff.ignore.Glob;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.LabelSelector;
import io.driftwatch.model.RemediationRequest.Action;
import io.driftwatch.model.ResourceKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Ordered remediation rules: the first rule whose cluster, namespace, kind, labels and drift types
 * all match a drifted resource decides its action. When no rule matches, the resource is only
 * detected, which is also the policy with no rules.
 */
public final class RemediationPolicy {

  /**
   * The rule that matched.
   *
   * @param index the rule's position in the configuration, from 0
   * @param rule the rule's name, or {@code rules[index]} when it has none
   */
  public record Match(int index, String rule, Action action) {}

  private record CompiledRule(
      int index,
      String name,
      Glob cluster,
      Glob namespace,
      Glob kind,
      LabelSelector labels,
      Set<DriftType> driftTypes,
      Action action) {

    boolean matches(ResourceKey key, DriftType driftType, JsonNode labelMap) {
      return (cluster == null || cluster.matches(key.cluster()))
          && (namespace == null || namespace.matches(key.namespace()))
          && (kind == null || kind.matches(key.kind()))
          && (driftTypes.isEmpty() || driftTypes.contains(driftType))
          && (labels == null || labels.matches(labelMap));
    }
  }

  private static final String DRIFT_TYPES =
      Arrays.stream(DriftType.values())
          .filter(type -> type != DriftType.NONE)
          .map(Enum::name)
          .collect(Collectors.joining(", "));

  private static final String ACTIONS =
      Arrays.stream(Action.values())
          .map(action -> action.name().toLowerCase(Locale.ROOT))
          .collect(Collectors.joining(", "));

  private final List<CompiledRule> rules;

  private RemediationPolicy(List<CompiledRule> rules) {
    this.rules = rules;
  }

  /** The policy without rules: every drift is only detected. */
  public static RemediationPolicy detectOnly() {
    return new RemediationPolicy(List.of());
  }

  /**
   * Validates and compiles the configured rules, in order.
   *
   * @throws IllegalArgumentException naming the rule ({@code remediation.rules[i]}) and field that
   *     is wrong, and how to fix it
   */
  public static RemediationPolicy of(List<RemediationRule> rules) {
    List<CompiledRule> compiled = new ArrayList<>();
    for (int i = 0; i < (rules == null ? 0 : rules.size()); i++) {
      compiled.add(compile(i, rules.get(i)));
    }
    return new RemediationPolicy(List.copyOf(compiled));
  }

  /**
   * Every problem of the configured rules, each naming its rule ({@code remediation.rules[i]}) and
   * field and saying how to fix it; empty when {@link #of(List)} accepts them. A configuration
   * loader reports all of them at once instead of the first.
   */
  public static List<String> problems(List<RemediationRule> rules) {
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < (rules == null ? 0 : rules.size()); i++) {
      try {
        compile(i, rules.get(i));
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    return List.copyOf(problems);
  }

  /**
   * The first rule that matches, or empty when none does (detect only).
   *
   * @param labels the resource's labels as a JSON object; null or missing when it has none
   */
  public Optional<Match> match(ResourceKey key, DriftType driftType, JsonNode labels) {
    JsonNode labelMap = labels == null ? MissingNode.getInstance() : labels;
    for (CompiledRule rule : rules) {
      if (rule.matches(key, driftType, labelMap)) {
        return Optional.of(new Match(rule.index(), rule.name(), rule.action()));
      }
    }
    return Optional.empty();
  }

  private static CompiledRule compile(int index, RemediationRule rule) {
    String at = "remediation.rules[" + index + "]";
    if (rule == null) {
      throw new IllegalArgumentException(at + " is empty: give it at least an action");
    }
    LabelSelector labels = null;
    if (rule.labels() != null) {
      try {
        labels = LabelSelector.parse(rule.labels());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            at + ".labels is not a label selector: " + e.getMessage(), e);
      }
    }
    Set<DriftType> driftTypes = EnumSet.noneOf(DriftType.class);
    for (String type : rule.driftTypes()) {
      driftTypes.add(driftType(at, type));
    }
    String name =
        rule.name() == null || rule.name().isBlank() ? "rules[" + index + "]" : rule.name();
    return new CompiledRule(
        index,
        name,
        glob(at, "cluster", rule.cluster()),
        glob(at, "namespace", rule.namespace()),
        glob(at, "kind", rule.kind()),
        labels,
        Set.copyOf(driftTypes),
        action(at, rule.action()));
  }

  private static Glob glob(String at, String field, String pattern) {
    if (pattern == null) {
      return null;
    }
    if (pattern.isBlank()) {
      throw new IllegalArgumentException(
          at + "." + field + " is empty: leave it out to match every " + field + ", or use \"*\"");
    }
    return Glob.of(pattern);
  }

  private static DriftType driftType(String at, String text) {
    String name = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    try {
      DriftType type = DriftType.valueOf(name);
      if (type != DriftType.NONE) {
        return type;
      }
    } catch (IllegalArgumentException e) {
      // reported below with the accepted values
    }
    throw new IllegalArgumentException(
        at + ".driftTypes: \"" + text + "\" is not a drift type; use " + DRIFT_TYPES);
  }

  private static Action action(String at, String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(at + ".action is missing: set one of " + ACTIONS);
    }
    try {
      return Action.valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          at + ".action: \"" + text + "\" is not an action; use one of " + ACTIONS, e);
    }
  }
}
