package io.driftwatch.ingest.git.render.kustomize.parity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.ingest.git.render.FileSystemSourceTree;
import io.driftwatch.ingest.git.render.RenderResult;
import io.driftwatch.ingest.git.render.RenderedManifest;
import io.driftwatch.ingest.git.render.kustomize.KustomizeRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The RBAC that driftwatch ships for ingest-cluster ({@code deploy/rbac/}), rendered as an operator
 * would apply it: by driftwatch's own kustomize and, where kubectl is present, by {@code kubectl
 * kustomize}. Both renders must agree, and in both no rule may grant a verb other than get, list or
 * watch, nor a wildcard; every binding must point at a role of the same render.
 */
class DeployRbacParityTest {

  private static final Path DEPLOY = Path.of("..", "deploy");
  private static final Set<String> READ_VERBS = Set.of("get", "list", "watch");

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"rbac/ingest-cluster", "rbac/ingest-cluster-secrets"})
  void ourRenderGrantsOnlyGetListAndWatch(String path) throws IOException {
    List<ObjectNode> rendered = render(path);

    assertReadOnly(rendered, path + " (KustomizeRenderer)");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"rbac/ingest-cluster", "rbac/ingest-cluster-secrets"})
  void kubectlRendersTheSameObjectsAndGrantsOnlyGetListAndWatch(String path) throws IOException {
    Kubectl kubectl = Kubectl.requireOnPath();

    Kubectl.Result oracle = kubectl.kustomize(DEPLOY.resolve(path));

    assertThat(oracle.succeeded()).as("kubectl kustomize %s: %s", path, oracle.stderr()).isTrue();
    List<ObjectNode> expected =
        ParityCase.objectsOf(oracle.stdout().getBytes(StandardCharsets.UTF_8), path);
    assertReadOnly(expected, path + " (kubectl kustomize)");
    assertThat(ObjectSets.differences(expected, render(path)))
        .as("%s: differences from kubectl kustomize", path)
        .isEmpty();
  }

  private static List<ObjectNode> render(String path) throws IOException {
    RenderResult result = new KustomizeRenderer().render(new FileSystemSourceTree(DEPLOY), path);
    assertThat(result.errors()).as("%s: render errors", path).isEmpty();
    assertThat(result.manifests()).as("%s: rendered objects", path).isNotEmpty();
    return result.manifests().stream().map(RenderedManifest::manifest).toList();
  }

  private static void assertReadOnly(List<ObjectNode> objects, String origin) {
    List<String> verbs = new ArrayList<>();
    for (ObjectNode object : objects) {
      collectVerbs(object, verbs);
    }
    assertThat(verbs).as("%s: every verb granted", origin).isNotEmpty();
    assertThat(Set.copyOf(verbs)).as("%s: verbs", origin).isSubsetOf(READ_VERBS);

    Map<String, ObjectNode> roles =
        objects.stream()
            .filter(o -> o.path("kind").asText().equals("ClusterRole"))
            .collect(Collectors.toMap(o -> o.path("metadata").path("name").asText(), o -> o));
    for (ObjectNode role : roles.values()) {
      for (JsonNode rule : role.path("rules")) {
        String name = role.path("metadata").path("name").asText();
        assertThat(rule.has("nonResourceURLs"))
            .as("%s: %s non-resource URLs", origin, name)
            .isFalse();
        assertThat(texts(rule.path("apiGroups")))
            .as("%s: %s apiGroups", origin, name)
            .isNotEmpty()
            .doesNotContain("*");
        assertThat(texts(rule.path("resources")))
            .as("%s: %s resources", origin, name)
            .isNotEmpty()
            .doesNotContain("*");
      }
    }
    List<ObjectNode> bindings =
        objects.stream().filter(o -> o.path("kind").asText().endsWith("RoleBinding")).toList();
    assertThat(bindings).as("%s: bindings", origin).isNotEmpty();
    for (ObjectNode binding : bindings) {
      JsonNode roleRef = binding.path("roleRef");
      assertThat(roleRef.path("kind").asText()).isEqualTo("ClusterRole");
      assertThat(roles)
          .as("%s: %s binds a role of this render", origin, binding.path("metadata").path("name"))
          .containsKey(roleRef.path("name").asText());
    }
  }

  /** Every {@code verbs} entry anywhere in the object, however deep. */
  private static void collectVerbs(JsonNode node, List<String> verbs) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        if (field.getKey().equals("verbs")) {
          verbs.addAll(texts(field.getValue()));
        } else {
          collectVerbs(field.getValue(), verbs);
        }
      }
    } else if (node.isArray()) {
      node.forEach(element -> collectVerbs(element, verbs));
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(element -> texts.add(element.asText()));
    return texts;
  }
}
