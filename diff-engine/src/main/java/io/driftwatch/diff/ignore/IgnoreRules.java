package io.driftwatch.diff.ignore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.diff.managed.ManagedFields;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Differences users chose to ignore, in Argo CD's {@code ignoreDifferences} dialect and Flux's
 * {@code ignore} dialect (docs/drift-semantics.md §7). Parsed and compiled once, immutable and
 * thread-safe; {@link #apply} removes the ignored fields of one object.
 */
public final class IgnoreRules {

  private static final IgnoreRules NONE = new IgnoreRules(List.of());

  private final List<IgnoreRule> rules;

  private IgnoreRules(List<IgnoreRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** No rules. */
  public static IgnoreRules none() {
    return NONE;
  }

  /**
   * Parses a rules document: a list of Argo CD {@code ignoreDifferences} entries, a list of Flux
   * {@code ignore} entries, or a mapping with either or both keys {@code ignoreDifferences} and
   * {@code ignore}. An empty document (null) has no rules. JSON Pointers, jq expressions, regular
   * expressions and selectors are all compiled here, once.
   *
   * @param origin the file (or config key) it came from, for error messages
   * @throws IllegalArgumentException whose message names {@code origin}, the entry (such as {@code
   *     ignoreDifferences[2]}), the problem and the fix
   */
  public static IgnoreRules parse(JsonNode document, String origin) {
    List<IgnoreRule> rules = IgnoreRulesParser.parse(document, origin);
    return rules.isEmpty() ? NONE : new IgnoreRules(rules);
  }

  /** Whether there are no rules at all. */
  public boolean isEmpty() {
    return rules.isEmpty();
  }

  /** Whether some rule targets the object {@code manifest} describes. */
  public boolean targets(JsonNode manifest) {
    if (rules.isEmpty()) {
      return false;
    }
    ObjectIdentity object = ObjectIdentity.of(manifest);
    for (IgnoreRule rule : rules) {
      if (rule.target().matches(object)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Removes from {@code manifest} (desired or live, already normalised) every field the rules that
   * target this object ignore, choosing the rules by {@code manifest} itself. {@code managed} is
   * the live object's managedFields, for {@code managedFieldsManagers}.
   *
   * <p>Prefer {@link #apply(ObjectNode, JsonNode, ManagedFields)} when both sides exist, so both
   * are targeted alike.
   */
  public void apply(ObjectNode manifest, ManagedFields managed) {
    apply(manifest, manifest, managed);
  }

  /**
   * Removes from {@code manifest} every field the rules that target {@code target} ignore. The
   * engine passes the desired manifest as {@code target} for both sides whenever there is one (and
   * live otherwise), so a label a controller changed in live cannot make a rule apply to one side
   * only. Only {@code manifest} is modified; {@code target} and {@code managed} (may be null) are
   * read. Paths that do not exist are skipped; all paths are resolved before anything is removed.
   */
  public void apply(ObjectNode manifest, JsonNode target, ManagedFields managed) {
    if (rules.isEmpty() || manifest == null) {
      return;
    }
    ObjectIdentity object = ObjectIdentity.of(target == null ? manifest : target);
    List<List<Object>> paths = null;
    Set<String> managers = null;
    for (IgnoreRule rule : rules) {
      if (!rule.target().matches(object)) {
        continue;
      }
      if (paths == null) {
        paths = new ArrayList<>();
      }
      paths.addAll(rule.pointers());
      for (JqPathExpression jq : rule.jqPaths()) {
        jq.collectPaths(manifest, paths);
      }
      if (!rule.managers().isEmpty()) {
        if (managers == null) {
          managers = new LinkedHashSet<>();
        }
        managers.addAll(rule.managers());
      }
    }
    if (paths == null) {
      return;
    }
    if (managers != null && managed != null) {
      for (String pointer : managed.pointersOwnedBy(managers::contains, manifest)) {
        paths.add(List.copyOf(JsonPointers.parse(pointer)));
      }
    }
    FieldRemover.remove(manifest, paths);
  }

  @Override
  public String toString() {
    return "IgnoreRules[" + rules.size() + " rules]";
  }
}
