/**
 * Ignore rules: the differences users chose not to see, written in Argo CD's {@code
 * ignoreDifferences} dialect or Flux's {@code ignore} dialect (docs/drift-semantics.md §7). A rules
 * document is parsed and compiled once ({@link io.driftwatch.diff.ignore.IgnoreRules#parse}); the
 * engine then removes the ignored fields from both sides of every object the rules target, before
 * comparing them.
 */
package io.driftwatch.diff.ignore;
