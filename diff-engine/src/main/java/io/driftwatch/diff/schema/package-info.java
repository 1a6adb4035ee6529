/**
 * What driftwatch knows about the built-in Kubernetes kinds, as data in one place: where a resource
 * quantity sits, which lists are list-maps and by which merge keys their items are matched, and
 * which labels and annotations reconcilers write for their own bookkeeping. Everything else is
 * compared without a schema.
 */
package io.driftwatch.diff.schema;
