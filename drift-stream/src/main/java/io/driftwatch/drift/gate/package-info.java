/**
 * The gate between a raw verdict and what drift-stream publishes: a verdict that depends on a side
 * that is not authoritative yet is held as {@code UNKNOWN}, and one whose reconciler has not
 * applied the desired commit is held as {@code PENDING} until the grace period runs out. The rules
 * are pure functions over the latest source and reconciler statuses, so they are tested without
 * Kafka.
 */
package io.driftwatch.drift.gate;
