/**
 * kustomize (v5) rendering in-process: a kustomization's resources, components, generators,
 * transformers and patches applied as {@code kustomize build} applies them, and Flux's implicit
 * kustomization when a path has none. Parity with {@code kubectl kustomize} is tested object for
 * object.
 */
package io.driftwatch.ingest.git.render.kustomize;
