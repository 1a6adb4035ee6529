/**
 * Comparison of a desired manifest with the live one, behind the {@link
 * io.driftwatch.drift.diff.ManifestComparator} interface so that the topology does not depend on
 * how the comparison is done. {@link io.driftwatch.drift.diff.SubsetComparator} is the first,
 * deliberately plain implementation (desired ⊆ live, no normalisation beyond numbers); a semantic
 * differ with normalisers and ignore rules replaces it later.
 */
package io.driftwatch.drift.diff;
