/**
 * Reconcile-failure episodes: the pure state machine that turns successive statuses of one
 * reconciler (a Flux Kustomization or HelmRelease, an Argo CD Application, an OpenChoreo
 * ReleaseBinding) into deduplicated FAILING / RECOVERED / DELETED transitions, and the serialisable
 * state it keeps per reconciler. No Kafka Streams API here: the topology owns the store and the
 * topics; the rules are in {@code docs/reconcile-failures.md}.
 */
package io.driftwatch.drift.reconcile;
