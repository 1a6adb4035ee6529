/**
 * Reconciler status: pure normalisers that read a GitOps reconciler object as the API server
 * returns it (Flux Kustomization, HelmRelease and sources; Argo CD Application; OpenChoreo
 * ReleaseBinding and RenderedRelease) and produce one {@link io.driftwatch.model.ReconcilerStatus}
 * in a tool-neutral vocabulary: ready, reason, revisions applied and attempted, generations,
 * conditions and what the reconciler manages. {@link
 * io.driftwatch.ingest.cluster.reconcile.ReconcilerKinds} lists the kinds, so that watches can be
 * configured for them. No I/O happens here; every rule is tested with paired fixtures.
 */
package io.driftwatch.ingest.cluster.reconcile;
