package io.driftwatch.ingest.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.ingest.cluster.reconcile.ReconcilerKinds;
import io.driftwatch.ingest.cluster.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The ClusterRoles in {@code deploy/rbac/} grant what ingest-cluster needs and no more: list and
 * watch on every reconciler kind {@code kinds: auto} watches, aggregated into the role the service
 * account is bound to, and Secrets only in the opt-in variant. (That no verb but get, list and
 * watch is granted is checked on the rendered kustomizations, by ingest-git's
 * DeployRbacParityTest.)
 */
class DeployRbacCoverageTest {

  private static final Path RBAC = Path.of("..", "deploy", "rbac");
  private static final String AGGREGATE = "rbac.driftwatch.io/aggregate-to-ingest-cluster";

  @Test
  void everyReconcilerKindIsReadableThroughTheAggregatedRole() {
    List<JsonNode> roles = aggregatedRoles("ingest-cluster");

    for (WatchedKind kind : ReconcilerKinds.watchedKinds()) {
      assertThat(grants(roles, kind.group(), kind.plural()))
          .as("list and watch on %s.%s", kind.plural(), kind.group())
          .isTrue();
    }
    assertThat(grants(roles, "", "configmaps")).isTrue();
    assertThat(grants(roles, "apps", "deployments")).isTrue();
  }

  @Test
  void secretsAreReadableOnlyWithTheOptInVariant() {
    assertThat(grants(aggregatedRoles("ingest-cluster"), "", "secrets")).isFalse();
    List<JsonNode> withSecrets = new ArrayList<>(aggregatedRoles("ingest-cluster"));
    withSecrets.addAll(aggregatedRoles("ingest-cluster-secrets"));

    assertThat(grants(withSecrets, "", "secrets")).isTrue();
  }

  @Test
  void theBoundRoleAggregatesTheLabelledRoles() {
    JsonNode bound =
        documents("ingest-cluster").stream()
            .filter(d -> d.path("kind").asText().equals("ClusterRoleBinding"))
            .findFirst()
            .orElseThrow();
    String roleName = bound.path("roleRef").path("name").asText();
    JsonNode role =
        documents("ingest-cluster").stream()
            .filter(d -> d.path("kind").asText().equals("ClusterRole"))
            .filter(d -> d.path("metadata").path("name").asText().equals(roleName))
            .findFirst()
            .orElseThrow();

    assertThat(
            role.path("aggregationRule")
                .path("clusterRoleSelectors")
                .path(0)
                .path("matchLabels")
                .path(AGGREGATE)
                .asText())
        .isEqualTo("true");
    assertThat(bound.path("subjects").path(0).path("name").asText())
        .isEqualTo("driftwatch-ingest-cluster");
  }

  private static boolean grants(List<JsonNode> roles, String group, String resource) {
    for (JsonNode role : roles) {
      for (JsonNode rule : role.path("rules")) {
        if (contains(rule.path("apiGroups"), group)
            && contains(rule.path("resources"), resource)
            && contains(rule.path("verbs"), "list")
            && contains(rule.path("verbs"), "watch")) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean contains(JsonNode array, String value) {
    for (JsonNode element : array) {
      if (element.asText().equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static List<JsonNode> aggregatedRoles(String directory) {
    return documents(directory).stream()
        .filter(d -> d.path("kind").asText().equals("ClusterRole"))
        .filter(d -> d.path("metadata").path("labels").path(AGGREGATE).asText().equals("true"))
        .toList();
  }

  private static List<JsonNode> documents(String directory) {
    List<JsonNode> documents = new ArrayList<>();
    try (Stream<Path> files = Files.list(RBAC.resolve(directory))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        documents.add(Fixtures.YAML.readTree(file.toFile()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return documents;
  }
}
