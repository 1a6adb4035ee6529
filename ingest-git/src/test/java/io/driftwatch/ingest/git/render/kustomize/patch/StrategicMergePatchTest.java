package io.driftwatch.ingest.git.render.kustomize.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * Failures and edge cases of strategic merge patches; the merge behaviour itself is checked against
 * kubectl in the smp-* fixtures.
 */
class StrategicMergePatchTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String DEPLOYMENT =
      "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\"},"
          + "\"spec\":{\"strategy\":{\"type\":\"Recreate\"},\"template\":{\"spec\":{"
          + "\"containers\":[{\"name\":\"app\",\"image\":\"app:1\"}]}}}}";

  @Test
  void unknownDirectiveFailsNamingWhere() {
    // kubectl kustomize: unknown patch strategy 'bogus'
    assertThatThrownBy(() -> apply(DEPLOYMENT, "{\"spec\":{\"strategy\":{\"$patch\":\"bogus\"}}}"))
        .isInstanceOf(PatchException.class)
        .hasMessageContaining("spec.strategy")
        .hasMessageNotContaining("bogus");
  }

  @Test
  void unknownListDirectiveFailsNamingTheList() {
    assertThatThrownBy(
            () ->
                apply(
                    DEPLOYMENT,
                    "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"$patch\":\"drop\"}]}}}}"))
        .isInstanceOf(PatchException.class)
        .hasMessageContaining("spec.template.spec.containers");
  }

  @Test
  void mapWhereTheTargetHasAListFailsNamingThePath() {
    // kubectl kustomize: wrong node kind: expected SequenceNode but got MappingNode
    assertThatThrownBy(
            () ->
                apply(
                    DEPLOYMENT,
                    "{\"spec\":{\"template\":{\"spec\":{\"containers\":{\"name\":\"app\"}}}}}"))
        .isInstanceOf(PatchException.class)
        .hasMessageContaining("spec.template.spec.containers")
        .hasMessageContaining("the patch has a map where the other side has a list");
  }

  @Test
  void errorInsideAContainerNamesTheContainer() {
    assertThatThrownBy(
            () ->
                apply(
                    DEPLOYMENT,
                    "{\"spec\":{\"template\":{\"spec\":{\"containers\":"
                        + "[{\"name\":\"app\",\"image\":{\"tag\":\"2\"}}]}}}}"))
        .isInstanceOf(PatchException.class)
        .hasMessageContaining("spec.template.spec.containers[name=app].image");
  }

  @Test
  void deleteDirectiveAtTheTopDeletesTheObject() throws Exception {
    // smp-delete-whole-object: kubectl kustomize prints nothing for it
    assertThat(apply(DEPLOYMENT, "{\"$patch\":\"delete\"}")).isNull();
  }

  @Test
  void replaceDirectiveAtTheTopKeepsTheTargetIdentity() throws Exception {
    ObjectNode result =
        apply(DEPLOYMENT, "{\"$patch\":\"replace\",\"spec\":{\"replicas\":2},\"metadata\":{}}");

    assertThat(result)
        .isEqualTo(
            JSON.readTree(
                "{\"spec\":{\"replicas\":2},\"metadata\":{\"name\":\"web\"},"
                    + "\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\"}"));
  }

  @Test
  void patchWithoutIdentityStillMerges() throws Exception {
    ObjectNode result = apply(DEPLOYMENT, "{\"spec\":{\"replicas\":3}}");

    assertThat(result.at("/spec/replicas").asInt()).isEqualTo(3);
    assertThat(result.at("/metadata/name").asText()).isEqualTo("web");
    assertThat(result.at("/spec/template/spec/containers/0/image").asText()).isEqualTo("app:1");
  }

  private static ObjectNode apply(String target, String patch) throws Exception {
    return StrategicMergePatch.apply(
        (ObjectNode) JSON.readTree(target), (ObjectNode) JSON.readTree(patch));
  }
}
