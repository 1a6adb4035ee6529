/**
 * Wires components into a running process: the embedded broker when no Kafka is configured, topic
 * provisioning, the Secret HMAC key, the metrics registry and HTTP endpoint, start-up in data-flow
 * order and shutdown in reverse.
 */
package io.driftwatch.launcher.runtime;
