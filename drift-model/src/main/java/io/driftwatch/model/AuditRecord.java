package io.driftwatch.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One entry of the audit trail: the value of {@code gitops.audit.v1}, keyed by the subject's
 * resource key string. Every drift transition, reconcile-failure transition and remediation request
 * becomes one record that says what happened to which resource and why, so that "who changed it and
 * what did driftwatch do about it" is answered from one append-only log without joining topics.
 *
 * @param id deterministic for the transition or request it records (a hex SHA-256 of its identity),
 *     so that a replayed record is recognisable as the one already written
 * @param at when it happened (the transition's time, or when the request was decided)
 * @param subject the resource the record is about: the drifted resource, or the reconciler
 * @param commit the desired commit (DRIFT, REMEDIATION) or the reconciler's revision (RECONCILE);
 *     null when not known
 * @param author the commit's author as {@code Name <email>}; null when not known
 * @param commitTime that commit's committer time; null when not known
 * @param fieldManagers the live field managers that own the differing fields, with when each last
 *     changed them; empty when none is known
 * @param liveResourceVersion the live object's resourceVersion at the transition; null when not
 *     known or nothing is live
 * @param liveObservedAt when ingest-cluster observed that version; null when not known
 * @param message one short human sentence; never a field value
 */
public record AuditRecord(
    int schemaVersion,
    String id,
    Instant at,
    ResourceKey subject,
    Category category,
    What what,
    String commit,
    String author,
    Instant commitTime,
    List<FieldOwner> fieldManagers,
    String liveResourceVersion,
    Instant liveObservedAt,
    String message) {

  public static final int SCHEMA_VERSION = 1;

  /** Which stream of the pipeline the record comes from. */
  public enum Category {
    /** A drift transition of {@code gitops.drift-events.v1}. */
    DRIFT,
    /** A reconcile-failure transition of {@code gitops.reconcile-failures.v1}. */
    RECONCILE,
    /** A remediation request of {@code gitops.remediation-requests.v1}. */
    REMEDIATION
  }

  /** What happened to the subject. */
  public enum What {
    /** DRIFT: a drift episode began. */
    OPENED,
    /** DRIFT: the episode goes on with a changed drift type or set of differing fields. */
    UPDATED,
    /** DRIFT: the episode ended. */
    RESOLVED,
    /** RECONCILE: the reconciler failed, or its failure changed. */
    FAILING,
    /** RECONCILE: the reconciler is ready again. */
    RECOVERED,
    /** RECONCILE: the reconciler object was deleted while failing. */
    DELETED,
    /** REMEDIATION: an action (notify, reconcile, apply) was requested. */
    REQUESTED,
    /** REMEDIATION: the attempts did not end the drift; a person is asked to step in. */
    ESCALATED
  }

  public AuditRecord {
    Objects.requireNonNull(id, "audit record id");
    Objects.requireNonNull(subject, "audit record subject");
    Objects.requireNonNull(category, "audit record category");
    Objects.requireNonNull(what, "audit record what");
    fieldManagers = fieldManagers == null ? List.of() : List.copyOf(fieldManagers);
  }
}
