/**
 * kustomize (v5.5) rendering in-process: a kustomization's resources and bases, components,
 * generators, transformers and patches applied in the order {@code kustomize build} applies them,
 * name references rewritten after renames, the output in kustomize's order; and Flux's implicit
 * kustomization when a path has none. A failed build fails the whole source. Behaviour is checked
 * object for object against {@code kubectl kustomize}.
 */
package io.driftwatch.ingest.git.render.kustomize;
