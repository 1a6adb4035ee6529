package io.driftwatch.bench.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.ingest.git.render.BoundedYamlReader;
import io.driftwatch.ingest.git.render.RenderResult;
import io.driftwatch.ingest.git.render.RenderedManifest;
import io.driftwatch.ingest.git.render.YamlLimits;
import io.driftwatch.ingest.git.render.YamlReadException;
import java.util.Comparator;
import java.util.List;

/**
 * Checks that the in-process renderer and {@code kubectl kustomize} produce the same objects in the
 * same order for an overlay, so that the benchmark compares two builds of the same output and not a
 * shortcut. Numbers compare by value (YAML's {@code 3} is one number whatever Java type holds it).
 */
public final class RenderParity {

  private static final Comparator<JsonNode> BY_VALUE =
      (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
          return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
      };

  private RenderParity() {}

  /**
   * Compares an in-process rendering of {@code overlay} with kubectl's output for it.
   *
   * @return the number of objects both rendered
   * @throws IllegalStateException naming the overlay and the first object that differs
   */
  public static int requireSame(String overlay, RenderResult inProcess, byte[] kubectlYaml) {
    if (inProcess.failed() || !inProcess.errors().isEmpty()) {
      throw new IllegalStateException(
          overlay + ": the in-process render reported errors: " + inProcess.errors());
    }
    List<JsonNode> expected;
    try {
      expected =
          new BoundedYamlReader(YamlLimits.DEFAULTS)
              .read(kubectlYaml).stream().filter(d -> d != null && !d.isNull()).toList();
    } catch (YamlReadException e) {
      throw new IllegalStateException(
          overlay + ": cannot read kubectl's output: " + e.getMessage());
    }
    List<RenderedManifest> actual = inProcess.manifests();
    if (expected.size() != actual.size()) {
      throw new IllegalStateException(
          overlay
              + ": kubectl kustomize rendered "
              + expected.size()
              + " objects, the in-process renderer "
              + actual.size());
    }
    for (int i = 0; i < expected.size(); i++) {
      JsonNode want = expected.get(i);
      JsonNode got = actual.get(i).manifest();
      if (!want.equals(BY_VALUE, got)) {
        throw new IllegalStateException(
            overlay
                + ": object "
                + (i + 1)
                + " differs from kubectl kustomize's:\n kubectl:    "
                + want
                + "\n in-process: "
                + got);
      }
    }
    return expected.size();
  }
}
