/**
 * The ingest-cluster benchmark harness: heap per watched object with fabric8's store and with the
 * lean store, and events per second from informer callback to broker acknowledgement, against a
 * mock API server that generates its ConfigMaps and an in-process Kafka broker. docs/benchmarks.md
 * has the method, the command and the figures.
 */
package io.driftwatch.bench.cluster;
