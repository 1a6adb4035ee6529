package io.driftwatch.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.ingest.git.render.FileSystemSourceTree;
import io.driftwatch.ingest.git.render.RenderResult;
import io.driftwatch.ingest.git.render.RenderedManifest;
import io.driftwatch.ingest.git.render.kustomize.KustomizeRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedFleetTest {

  private final KustomizeRenderer renderer = new KustomizeRenderer();

  @TempDir Path root;

  @Test
  void aHundredOverlaysRenderToTenThousandObjectsWithoutErrors() throws IOException {
    GeneratedFleet fleet = GeneratedFleet.write(root, 100);

    RenderResult all = render(GeneratedFleet.OVERLAYS);

    assertThat(all.failed()).isFalse();
    assertThat(all.errors()).isEmpty();
    assertThat(all.manifests()).hasSize(10_000).hasSize(fleet.objects());
    assertThat(render(fleet.overlay(42)).manifests()).hasSize(GeneratedFleet.OBJECTS_PER_OVERLAY);
  }

  @Test
  void editingTheCanaryChangesExactlyOneRenderedObject() throws IOException {
    GeneratedFleet fleet = GeneratedFleet.write(root, 3);
    Map<String, ObjectNode> before = byName(render(GeneratedFleet.OVERLAYS));

    fleet.editCanary(2, 7);
    Map<String, ObjectNode> after = byName(render(GeneratedFleet.OVERLAYS));

    assertThat(after.keySet()).isEqualTo(before.keySet());
    assertThat(changed(before, after)).containsExactly("Deployment team-002/t002-canary");
  }

  @Test
  void editingTheBaseChangesOneObjectPerOverlay() throws IOException {
    GeneratedFleet fleet = GeneratedFleet.write(root, 3);
    Map<String, ObjectNode> before = byName(render(GeneratedFleet.OVERLAYS));

    fleet.editBase(1);
    Map<String, ObjectNode> after = byName(render(GeneratedFleet.OVERLAYS));

    assertThat(changed(before, after))
        .containsExactly(
            "ConfigMap team-001/t001-app-01-config",
            "ConfigMap team-002/t002-app-01-config",
            "ConfigMap team-003/t003-app-01-config");
  }

  @Test
  void theSameArgumentsWriteTheSameBytes(@TempDir Path other) throws IOException {
    GeneratedFleet.write(root, 4);
    GeneratedFleet.write(other, 4);

    assertThat(contents(other)).isEqualTo(contents(root));
  }

  @Test
  void theOverlaysRenderAsKubectlKustomizeRendersThem() throws IOException {
    boolean ci = "true".equals(System.getenv("CI"));
    if (ci && !KubectlKustomize.available()) {
      throw new AssertionError(
          "CI must provide kubectl (kustomize v5 built in) at /usr/bin/kubectl");
    }
    Assumptions.assumeTrue(
        KubectlKustomize.available(),
        "kubectl is not at /usr/bin/kubectl, so the fleet cannot be checked against kubectl"
            + " kustomize here (CI requires it)");
    GeneratedFleet fleet = GeneratedFleet.write(root, 3);
    KubectlKustomize kubectl = KubectlKustomize.locate();

    for (int team = 1; team <= 3; team++) {
      String overlay = fleet.overlay(team);
      assertThat(
              RenderParity.requireSame(
                  overlay, render(overlay), kubectl.build(root.resolve(overlay))))
          .isEqualTo(GeneratedFleet.OBJECTS_PER_OVERLAY);
    }
  }

  private RenderResult render(String path) throws IOException {
    return renderer.render(new FileSystemSourceTree(root), path);
  }

  /** The objects by kind, namespace and name. */
  private static Map<String, ObjectNode> byName(RenderResult result) {
    Map<String, ObjectNode> out = new LinkedHashMap<>();
    for (RenderedManifest rendered : result.manifests()) {
      ObjectNode object = rendered.manifest();
      String name = object.at("/metadata/name").asText();
      out.put(
          object.path("kind").asText()
              + " "
              + object.at("/metadata/namespace").asText()
              + "/"
              + name,
          object);
    }
    return out;
  }

  private static List<String> changed(
      Map<String, ObjectNode> before, Map<String, ObjectNode> after) {
    return before.keySet().stream()
        .filter(key -> !before.get(key).equals(after.get(key)))
        .sorted()
        .toList();
  }

  private static Map<String, String> contents(Path dir) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        out.put(dir.relativize(file).toString(), Files.readString(file));
      }
    }
    return out;
  }
}
