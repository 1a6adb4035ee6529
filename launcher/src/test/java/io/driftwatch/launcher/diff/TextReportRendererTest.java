package io.driftwatch.launcher.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import io.driftwatch.diff.DiffResult;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.FieldDiff;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextReportRendererTest {

  @Test
  void eachResourceReadsLikeAUnifiedDiff() {
    String text = new TextReportRenderer(false).render(Reports.mixed());

    assertThat(text.lines().toList())
        .containsSubsequence(
            "--- desired apps/Deployment/shop/api",
            "+++ live    apps/Deployment/shop/api  MODIFIED: 2 fields differ",
            "@@ /spec/replicas @@",
            "- 2",
            "+ 5",
            "  (set by kubectl-scale, Update, 2026-11-20T09:15:00Z)",
            "@@ /spec/template/spec/containers/0/env/1 @@",
            "- (absent)",
            "+ \"debug\"")
        .contains(
            "+++ live    /ConfigMap/shop/settings  in sync",
            "+++ live    /Service/shop/api  MISSING_LIVE: not in the live file",
            "+++ live    rbac.authorization.k8s.io/Role/shop/debug  EXTRA_LIVE: not in the desired file");
  }

  @Test
  void theLastLineIsTheSummary() {
    List<String> lines = new TextReportRenderer(false).render(Reports.mixed()).lines().toList();

    assertThat(lines.get(lines.size() - 1))
        .isEqualTo("4 resources: 1 in sync, 1 drifted, 1 missing live, 1 extra live");
  }

  @Test
  void withoutColourThereAreNoEscapes() {
    assertThat(new TextReportRenderer(false).render(Reports.mixed())).doesNotContain("\u001b");
  }

  @Test
  void withColourDesiredIsRedAndLiveIsGreen() {
    String text = new TextReportRenderer(true).render(Reports.mixed());

    assertThat(text).contains("\u001b[31m- 2\u001b[0m", "\u001b[32m+ 5\u001b[0m");
  }

  @Test
  void controlCharactersFromTheInputCannotReachTheTerminal() {
    DiffReport report =
        new DiffReport(
            List.of(
                Reports.resource(
                    "",
                    "ConfigMap",
                    "a",
                    "evil\u001b[2J",
                    new DiffResult(
                        DriftType.MODIFIED,
                        List.of(
                            new FieldDiff(
                                "/data/x\u009b", TextNode.valueOf("\u009b31m"), null))))));

    assertThat(new TextReportRenderer(false).render(report))
        .doesNotContain("\u001b")
        .doesNotContain("\u009b")
        .contains("evil?[2J");
  }
}
