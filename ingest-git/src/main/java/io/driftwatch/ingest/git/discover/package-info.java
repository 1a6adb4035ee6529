/**
 * Source discovery from a fleet repository: from the objects a fleet source rendered at one commit,
 * the sources its Flux {@code Kustomization}s (with their {@code GitRepository} or {@code
 * ExternalArtifact}) and Argo CD {@code Application}s declare, each with the repository, ref, path,
 * cluster and namespace rules its reconciler applies, or with a problem that names the object, its
 * file and the fix. Pure derivation, no I/O: {@link
 * io.driftwatch.ingest.git.discover.SourceDiscovery} is the entry point; {@code GitIngest} polls
 * what it returns.
 */
package io.driftwatch.ingest.git.discover;
