/**
 * The audit trail: every drift transition, reconcile-failure transition and remediation request
 * becomes one {@link io.driftwatch.model.AuditRecord} on the append-only {@code gitops.audit.v1},
 * with its cause (commit and author, live field managers and when they changed the fields, the live
 * observation) so that "who changed it, and what was done about it" has one place to be read from.
 * {@link io.driftwatch.drift.audit.AuditRecords} is the pure mapping; {@link
 * io.driftwatch.drift.audit.AuditTopology} puts it in the topology.
 */
package io.driftwatch.drift.audit;
