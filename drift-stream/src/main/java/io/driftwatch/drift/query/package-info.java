/**
 * Interactive queries: drift-stream's state stores answered over HTTP under {@code /api/v1/}. A
 * query about one resource key is answered by the instance that hosts the key's active partition
 * (any other instance forwards it there, once); a fleet-wide query asks every instance for its
 * local part and merges. {@link io.driftwatch.drift.query.TransitionHistory} adds the store of each
 * resource's recent transitions; {@link io.driftwatch.drift.query.QueryRoutes} is the registry a
 * further store is added to.
 */
package io.driftwatch.drift.query;
