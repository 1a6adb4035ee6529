package io.driftwatch.launcher.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.driftwatch.diff.DiffResult;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.FieldDiff;
import io.driftwatch.model.FieldOwner;
import io.driftwatch.model.serde.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReportRendererTest {

  private final JsonReportRenderer renderer = new JsonReportRenderer();

  @Test
  void theContractListsEveryResourceSortedWithItsFields() throws Exception {
    JsonNode rendered = Json.mapper().readTree(renderer.render(Reports.mixed()));

    JsonNode expected =
        Json.mapper()
            .readTree(
                """
                {"inSync": false, "resources": [
                  {"key": "/ConfigMap/shop/settings", "type": "NONE", "fields": []},
                  {"key": "/Service/shop/api", "type": "MISSING_LIVE", "fields": []},
                  {"key": "apps/Deployment/shop/api", "type": "MODIFIED", "fields": [
                    {"path": "/spec/replicas", "desired": 2, "live": 5,
                     "owner": {"manager": "kubectl-scale", "operation": "Update",
                               "time": "2026-11-20T09:15:00Z"}},
                    {"path": "/spec/template/spec/containers/0/env/1", "desired": null,
                     "live": "debug"}]},
                  {"key": "rbac.authorization.k8s.io/Role/shop/debug", "type": "EXTRA_LIVE",
                   "fields": []}]}
                """);
    assertThat(rendered).isEqualTo(expected);
  }

  @Test
  void fieldsAreWrittenInContractOrder() {
    String text = renderer.render(Reports.mixed());

    assertThat(text.indexOf("\"inSync\"")).isLessThan(text.indexOf("\"resources\""));
    assertThat(text.indexOf("\"path\"")).isLessThan(text.indexOf("\"desired\""));
    assertThat(text.indexOf("\"desired\"")).isLessThan(text.indexOf("\"live\""));
    assertThat(text.indexOf("\"live\"")).isLessThan(text.indexOf("\"owner\""));
  }

  @Test
  void anInSyncReportSaysSo() {
    DiffReport report =
        new DiffReport(
            List.of(
                Reports.resource(
                    "", "ConfigMap", "a", "b", new DiffResult(DriftType.NONE, List.of()))));

    assertThat(renderer.toTree(report).get("inSync").asBoolean()).isTrue();
  }

  @Test
  void anExplicitNullAndAnUnknownTimeAreNull() {
    DiffReport report =
        new DiffReport(
            List.of(
                Reports.resource(
                    "",
                    "ConfigMap",
                    "a",
                    "b",
                    new DiffResult(
                        DriftType.MODIFIED,
                        List.of(
                            new FieldDiff(
                                "/data/x",
                                NullNode.getInstance(),
                                IntNode.valueOf(1),
                                new FieldOwner("kubectl-edit", "Update", null)))))));

    JsonNode field = renderer.toTree(report).at("/resources/0/fields/0");

    assertThat(field.get("desired").isNull()).isTrue();
    assertThat(field.at("/owner/time").isNull()).isTrue();
    assertThat(field.at("/owner/manager").asText()).isEqualTo("kubectl-edit");
  }
}
