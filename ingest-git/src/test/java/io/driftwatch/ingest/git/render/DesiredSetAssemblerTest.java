package io.driftwatch.ingest.git.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.ingest.git.GitFixture;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.secret.SecretRedactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesiredSetAssemblerTest {

  private static final SecretRedactor REDACTOR =
      new SecretRedactor("unit-test-hmac-key-0123456789".getBytes(StandardCharsets.UTF_8));

  @TempDir Path dir;

  private DesiredSet renderAndAssemble(GitFixture repo) throws IOException {
    RenderResult rendered = new PlainYamlRenderer().render(repo.tree(repo.commit("test")), "");
    return new DesiredSetAssembler(REDACTOR).assemble(rendered, "prod", "shop");
  }

  @Test
  void defaultNamespaceIsAppliedToNamespacedObjectsButNotToClusterScopedOnes() throws IOException {
    try (GitFixture repo = GitFixture.create(dir)) {
      repo.write("app.yaml", GitFixture.deployment("web", 1))
          .write(
              "explicit.yaml",
              GitFixture.configMap("cfg", "v")
                  .replace("  name: cfg", "  name: cfg\n  namespace: other"))
          .write("ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n")
          .write(
              "role.yaml",
              "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: reader\n  namespace: wrong\nrules: []\n");

      DesiredSet desired = renderAndAssemble(repo);

      assertThat(desired.errors()).isEmpty();
      assertThat(desired.objects().keySet())
          .containsExactly(
              new ResourceKey("prod", "apps", "Deployment", "shop", "web"),
              new ResourceKey("prod", "", "ConfigMap", "other", "cfg"),
              new ResourceKey("prod", "", "Namespace", "", "shop"),
              new ResourceKey("prod", "rbac.authorization.k8s.io", "ClusterRole", "", "reader"));
      ObjectNode deployment =
          desired
              .objects()
              .get(new ResourceKey("prod", "apps", "Deployment", "shop", "web"))
              .manifest();
      assertThat(deployment.at("/metadata/namespace").asText()).isEqualTo("shop");
      ObjectNode namespace =
          desired.objects().get(new ResourceKey("prod", "", "Namespace", "", "shop")).manifest();
      assertThat(namespace.path("metadata").has("namespace")).isFalse();
      ObjectNode role =
          desired
              .objects()
              .get(
                  new ResourceKey("prod", "rbac.authorization.k8s.io", "ClusterRole", "", "reader"))
              .manifest();
      assertThat(role.path("metadata").has("namespace")).isFalse();
    }
  }

  @Test
  void secretValuesAreRedactedBeforeTheyLeaveTheRenderer() throws IOException {
    try (GitFixture repo = GitFixture.create(dir)) {
      repo.write(
          "secret.yaml",
          """
          apiVersion: v1
          kind: Secret
          metadata:
            name: db
          data:
            user: YWRtaW4=
          stringData:
            password: hunter2
          """);

      DesiredSet desired = renderAndAssemble(repo);

      ObjectNode secret = desired.objects().values().iterator().next().manifest();
      String text = secret.toString();
      assertThat(text).doesNotContain("hunter2").doesNotContain("YWRtaW4=");
      assertThat(secret.at("/data/user").asText()).startsWith(SecretRedactor.PREFIX);
      assertThat(secret.at("/data/password").asText()).startsWith(SecretRedactor.PREFIX);
      assertThat(secret.has("stringData")).isFalse();
    }
  }

  @Test
  void secondDeclarationOfTheSameResourceIsAnErrorAndTheFirstIsKept() throws IOException {
    try (GitFixture repo = GitFixture.create(dir)) {
      repo.write("a.yaml", GitFixture.configMap("cfg", "first"))
          .write(
              "b.yaml",
              GitFixture.configMap("cfg", "second")
                  .replace("  name: cfg", "  name: cfg\n  namespace: shop"));

      DesiredSet desired = renderAndAssemble(repo);

      assertThat(desired.objects()).hasSize(1);
      assertThat(desired.objects().values().iterator().next().manifest().at("/data/key").asText())
          .isEqualTo("first");
      assertThat(desired.errors())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.path()).isEqualTo("b.yaml");
                assertThat(e.reason())
                    .isEqualTo(
                        "ConfigMap shop/cfg is declared twice: first in a.yaml (kept) and again in b.yaml (ignored); remove one of them");
              });
    }
  }
}
