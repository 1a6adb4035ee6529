/**
 * Rendering a source's directory at a commit into Kubernetes objects, as pure functions of the
 * tree: a {@link io.driftwatch.ingest.git.render.ManifestRenderer} per format (plain YAML now,
 * kustomize later), bounded YAML parsing, and the assembly of the rendered objects into one
 * source's desired set (resource keys, default namespace, Secret redaction, duplicates refused).
 */
package io.driftwatch.ingest.git.render;
