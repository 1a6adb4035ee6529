/**
 * Remediation as pure decisions: a {@link io.driftwatch.drift.remediation.RemediationPolicy} of
 * ordered rules says what to do about a drifted resource (detect only by default), and the {@link
 * io.driftwatch.drift.remediation.RemediationPlanner} turns drift transitions and the passing of
 * time into idempotent, backed-off remediation requests and one escalation. Nothing here touches
 * Kafka Streams: the topology keeps each resource's {@link
 * io.driftwatch.drift.remediation.RemediationState} in a changelogged store and calls the planner.
 */
package io.driftwatch.drift.remediation;
