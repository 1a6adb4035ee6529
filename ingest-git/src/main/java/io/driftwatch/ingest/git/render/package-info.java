/**
 * Rendering a source's directory at a commit into Kubernetes objects, as pure functions of the
 * tree: a {@link io.driftwatch.ingest.git.render.ManifestRenderer} per format (plain YAML,
 * kustomize), bounded YAML parsing, and the assembly of the rendered objects into one source's
 * desired set (resource keys, default namespace, SOPS values made opaque and Secret values
 * redacted, duplicates refused).
 */
package io.driftwatch.ingest.git.render;
