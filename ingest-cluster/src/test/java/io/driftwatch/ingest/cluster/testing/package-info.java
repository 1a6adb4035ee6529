/**
 * Test support for ingest-cluster: YAML fixtures, an in-memory topic sink that round-trips records
 * through the registry's serdes, and fabric8's mock API server in CRUD mode, which can also lose
 * its watches as a real API server does (missed events, then 410 Gone).
 */
package io.driftwatch.ingest.cluster.testing;
