package io.driftwatch.diff.ignore;

import java.util.List;
import java.util.Set;

/**
 * One parsed, compiled entry of either dialect: which objects it targets and which of their fields
 * it removes. Flux's {@code paths} are carried as {@code pointers}.
 *
 * @param pointers JSON Pointers already split into reference tokens
 */
record IgnoreRule(
    Target target,
    List<List<Object>> pointers,
    List<JqPathExpression> jqPaths,
    Set<String> managers) {

  IgnoreRule {
    pointers = List.copyOf(pointers);
    jqPaths = List.copyOf(jqPaths);
    managers = Set.copyOf(managers);
  }
}
