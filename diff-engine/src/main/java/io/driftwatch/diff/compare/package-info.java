/**
 * The comparison itself (docs/drift-semantics.md §4–§6): desired must be a subset of live,
 * list-maps are matched by merge key through a hash index and other lists by position, and each
 * difference is named by a JSON Pointer into desired, plus the matching pointer into live for
 * attribution. An in-sync check reads both manifests in place first and confirms most in-sync
 * objects without building any copy; it never reports a difference itself.
 */
package io.driftwatch.diff.compare;
