/**
 * Remediation: a {@link io.driftwatch.drift.remediation.RemediationPolicy} of ordered rules says
 * what to do about a drifted resource (detect only by default), and the {@link
 * io.driftwatch.drift.remediation.RemediationPlanner} turns drift transitions and the passing of
 * time into idempotent, backed-off remediation requests and one escalation. The policy, backoff and
 * planner are pure; {@link io.driftwatch.drift.remediation.RemediationTopology} is the one place
 * that puts them in a topology, keeping each resource's {@link
 * io.driftwatch.drift.remediation.RemediationState} in a changelogged store with a due index for
 * the wall-clock punctuation.
 */
package io.driftwatch.drift.remediation;
