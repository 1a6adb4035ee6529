package io.driftwatch.drift.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import io.driftwatch.model.AuditRecord;
import io.driftwatch.model.DriftEvent;
import io.driftwatch.model.DriftTransition;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.FieldDiff;
import io.driftwatch.model.ReconcileEvent;
import io.driftwatch.model.ReconcilerStatus.ReconcilerTool;
import io.driftwatch.model.ResourceKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AuditRecordsTest {

  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final ResourceKey WEB =
      ResourceKey.of("prod", "apps/v1", "Deployment", "shop", "web");

  private static DriftEvent opened(Instant openedAt, List<FieldDiff> diffs) {
    return DriftEvent.of(
        WEB, DriftTransition.OPENED, DriftType.MODIFIED, diffs, "c0ffee", openedAt, openedAt, null);
  }

  @Test
  void aMessageNamesAtMostThreeFieldsAndCountsTheRestButNeverAValue() {
    List<FieldDiff> diffs =
        IntStream.range(0, 5)
            .mapToObj(i -> new FieldDiff("/data/k" + i, TextNode.valueOf("secret-" + i), null))
            .toList();

    String message = AuditRecords.drift(WEB, opened(T0, diffs)).message();

    assertThat(message)
        .isEqualTo("MODIFIED drift opened; differs at /data/k0, /data/k1, /data/k2 and 2 more")
        .doesNotContain("secret-");
  }

  @Test
  void aLongControllerMessageIsCutToOneShortLine() {
    ReconcileEvent failing =
        ReconcileEvent.of(
            WEB,
            ReconcilerTool.ARGO_CD,
            ReconcileEvent.Transition.FAILING,
            "ComparisonError",
            "line one\nline two " + "x".repeat(1000),
            "abc",
            2,
            T0,
            T0,
            null);

    AuditRecord record = AuditRecords.reconcile(WEB, failing);

    assertThat(record.message())
        .hasSize(AuditRecords.MAX_MESSAGE)
        .startsWith("Argo CD reconciler failing (failure 2): ComparisonError: line one line two")
        .doesNotContain("\n");
  }

  @Test
  void idsAreTheSameForTheSameTransitionAndDifferForAnotherEpisode() {
    String first = AuditRecords.drift(WEB, opened(T0, List.of())).id();

    assertThat(AuditRecords.drift(WEB, opened(T0, List.of())).id()).isEqualTo(first);
    assertThat(AuditRecords.drift(WEB, opened(T0.plusSeconds(60), List.of())).id())
        .isNotEqualTo(first);
  }

  @Test
  void durationsReadAsPeopleWriteThem() {
    assertThat(AuditRecords.human(Duration.ofSeconds(150))).isEqualTo("2m30s");
    assertThat(AuditRecords.human(Duration.ofMinutes(65))).isEqualTo("1h5m");
  }
}
