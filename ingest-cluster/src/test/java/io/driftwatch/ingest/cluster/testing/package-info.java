/**
 * Test support for ingest-cluster: YAML fixtures, an in-memory topic sink that round-trips records
 * through the registry's serdes, and fabric8's mock API server in CRUD mode.
 */
package io.driftwatch.ingest.cluster.testing;
