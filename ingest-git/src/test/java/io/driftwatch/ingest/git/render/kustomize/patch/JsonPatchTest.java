package io.driftwatch.ingest.git.render.kustomize.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * Failures of JSON 6902 patches; successes are checked against kubectl in the json-* fixtures. The
 * target is the json-* fixtures' Deployment (replicas 1, one container "a" with args [x, y, z]).
 */
class JsonPatchTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode target() {
    return PatchFixtures.object("json-escaped-paths", "res.yaml");
  }

  @Test
  void addUnderAMissingParentFailsNamingTheOperation() {
    // kubectl kustomize: add operation does not apply: doc is missing path:
    // "/spec/template/metadata/labels/x": missing value
    assertThatThrownBy(
            () ->
                apply(
                    "[{\"op\":\"add\",\"path\":\"/spec/replicas\",\"value\":2},"
                        + "{\"op\":\"add\",\"path\":\"/spec/template/metadata/labels/x\","
                        + "\"value\":\"v\"}]"))
        .isInstanceOf(PatchException.class)
        .hasMessageStartingWith(
            "JSON patch operation 1 (add /spec/template/metadata/labels/x) failed");
  }

  @Test
  void removeOfAMissingFieldFails() {
    // kubectl kustomize: error in remove for path: '/spec/paused': Unable to remove nonexistent
    // key: paused: missing value
    assertThatThrownBy(() -> apply("[{\"op\":\"remove\",\"path\":\"/spec/paused\"}]"))
        .isInstanceOf(PatchException.class)
        .hasMessageStartingWith("JSON patch operation 0 (remove /spec/paused) failed");
  }

  @Test
  void failedTestNamesThePathButNotTheValues() {
    // kubectl kustomize: testing value /spec/replicas failed: test failed
    assertThatThrownBy(
            () -> apply("[{\"op\":\"test\",\"path\":\"/spec/replicas\",\"value\":\"s3cr3t\"}]"))
        .isInstanceOf(PatchException.class)
        .hasMessageStartingWith("JSON patch operation 0 (test /spec/replicas) failed")
        .hasMessageNotContaining("s3cr3t")
        .hasMessageNotContaining("1");
  }

  @Test
  void addBeyondTheEndOfAListFails() {
    // kubectl kustomize: error in add for path: '/spec/template/spec/containers/0/args/9':
    // Unable to access invalid index: 9: invalid index referenced
    assertThatThrownBy(
            () ->
                apply(
                    "[{\"op\":\"add\",\"path\":\"/spec/template/spec/containers/0/args/9\","
                        + "\"value\":\"far\"}]"))
        .isInstanceOf(PatchException.class)
        .hasMessageContaining("operation 0 (add /spec/template/spec/containers/0/args/9)");
  }

  @Test
  void endOfListMarkerOnlyWorksWhereSomethingIsInserted() {
    // kubectl kustomize: error in remove for path: '/spec/template/spec/containers/0/args/-':
    // strconv.Atoi: parsing "-": invalid syntax
    assertThatThrownBy(
            () ->
                apply("[{\"op\":\"remove\",\"path\":\"/spec/template/spec/containers/0/args/-\"}]"))
        .isInstanceOf(PatchException.class)
        .hasMessageStartingWith(
            "JSON patch operation 0 (remove /spec/template/spec/containers/0/args/-) failed");
  }

  @Test
  void passingTestLetsTheNextOperationsApply() throws Exception {
    ObjectNode result =
        apply(
            "[{\"op\":\"test\",\"path\":\"/spec/replicas\",\"value\":1},"
                + "{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":3}]");

    assertThat(result.at("/spec/replicas").asInt()).isEqualTo(3);
  }

  @Test
  void malformedOperationIsReportedByIndex() {
    assertThatThrownBy(
            () ->
                apply(
                    "[{\"op\":\"add\",\"path\":\"/spec/paused\",\"value\":true},"
                        + "{\"op\":\"add\",\"value\":1}]"))
        .isInstanceOf(PatchException.class)
        .hasMessageStartingWith("JSON patch operation 1 (add ?) failed")
        .hasMessageContaining("path");
  }

  @Test
  void unknownOperationIsReportedByIndex() {
    assertThatThrownBy(() -> apply("[{\"op\":\"merge\",\"path\":\"/spec\"}]"))
        .isInstanceOf(PatchException.class)
        .hasMessageStartingWith("JSON patch operation 0 (merge /spec) failed");
  }

  @Test
  void operationsMustBeAList() {
    assertThatThrownBy(() -> apply("{\"op\":\"add\",\"path\":\"/a\",\"value\":1}"))
        .isInstanceOf(PatchException.class)
        .hasMessageContaining("must be a list of operations");
  }

  @Test
  void failedPatchLeavesTheTargetUntouched() {
    ObjectNode target = target();
    ObjectNode before = target.deepCopy();

    assertThatThrownBy(
            () ->
                JsonPatch.apply(
                    target,
                    JSON.readTree(
                        "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":5},"
                            + "{\"op\":\"remove\",\"path\":\"/spec/nothing\"}]")))
        .isInstanceOf(PatchException.class);
    assertThat(target).isEqualTo(before);
  }

  @Test
  void replacingTheWholeDocumentWorks() throws Exception {
    ObjectNode result =
        apply("[{\"op\":\"replace\",\"path\":\"\",\"value\":{\"kind\":\"ConfigMap\"}}]");

    assertThat(result).isEqualTo(JSON.readTree("{\"kind\":\"ConfigMap\"}"));
  }

  private static ObjectNode apply(String operations) throws Exception {
    JsonNode parsed = JSON.readTree(operations);
    return JsonPatch.apply(target(), parsed);
  }
}
