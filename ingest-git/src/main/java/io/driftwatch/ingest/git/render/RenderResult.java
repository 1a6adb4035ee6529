package io.driftwatch.ingest.git.render;

import java.util.List;

/**
 * What a renderer made of one source at one commit: the objects it rendered, in declaration order,
 * and the files or documents it could not render.
 *
 * <p>A result that {@link #failed()} means the source as a whole could not be rendered (a kustomize
 * build stops at its first error, so nothing it would have produced is known): its manifests are
 * empty and must not be taken for the source's desired set. Callers report the source as failed
 * with the error, and keep what was last published for it.
 *
 * @param manifests the rendered objects; empty when failed
 * @param errors per-file problems, or the one reason the whole source failed
 * @param failed true when the source could not be rendered at all
 */
public record RenderResult(
    List<RenderedManifest> manifests, List<RenderError> errors, boolean failed) {

  public RenderResult {
    manifests = List.copyOf(manifests);
    errors = List.copyOf(errors);
    if (failed && (errors.isEmpty() || !manifests.isEmpty())) {
      throw new IllegalArgumentException("a failed render has no manifests and at least one error");
    }
  }

  /** A result where every file that could be rendered was, and the others are errors. */
  public RenderResult(List<RenderedManifest> manifests, List<RenderError> errors) {
    this(manifests, errors, false);
  }

  /** The whole source failed to render, for {@code error}'s reason. */
  public static RenderResult failure(RenderError error) {
    return new RenderResult(List.of(), List.of(error), true);
  }
}
