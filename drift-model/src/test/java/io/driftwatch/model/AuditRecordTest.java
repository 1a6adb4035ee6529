package io.driftwatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.model.AuditRecord.Category;
import io.driftwatch.model.AuditRecord.What;
import io.driftwatch.model.serde.Json;
import io.driftwatch.model.topic.CleanupPolicy;
import io.driftwatch.model.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditRecordTest {

  private static final ResourceKey WEB =
      ResourceKey.of("prod", "apps/v1", "Deployment", "shop", "web");

  private static AuditRecord record(List<FieldOwner> managers) {
    return new AuditRecord(
        AuditRecord.SCHEMA_VERSION,
        "ab12",
        Instant.parse("2026-03-01T10:00:30Z"),
        WEB,
        Category.DRIFT,
        What.OPENED,
        "0123456789abcdef",
        "Ada <ada@example.com>",
        Instant.parse("2026-03-01T09:00:00Z"),
        managers,
        "4711",
        Instant.parse("2026-03-01T10:00:29Z"),
        "drift OPENED");
  }

  @Test
  void roundTripsOnTheAuditTopicWithTheSubjectInItsCanonicalForm() throws Exception {
    AuditRecord record =
        record(
            List.of(
                new FieldOwner("kubectl-edit", "Update", Instant.parse("2026-03-01T10:00:28Z"))));
    var serde = Topics.AUDIT.valueSerde();

    byte[] bytes = serde.serializer().serialize("t", record);
    JsonNode json = Json.mapper().readTree(new String(bytes, StandardCharsets.UTF_8));

    assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(record);
    assertThat(json.get("subject").asText()).isEqualTo("prod/apps/Deployment/shop/web");
    assertThat(json.get("fieldManagers").get(0).get("time").asText())
        .isEqualTo("2026-03-01T10:00:28Z");
  }

  @Test
  void missingFieldManagersReadBackAsAnEmptyList() {
    assertThat(record(null).fieldManagers()).isEmpty();
  }

  @Test
  void theNewTopicsAreEventLogsInTheRegistry() {
    assertThat(Topics.all()).contains(Topics.REMEDIATION_REQUESTS, Topics.AUDIT);
    assertThat(Topics.REMEDIATION_REQUESTS.cleanupPolicy()).isEqualTo(CleanupPolicy.DELETE);
    assertThat(Topics.REMEDIATION_REQUESTS.retention()).isEqualTo(Duration.ofDays(7));
    assertThat(Topics.AUDIT.cleanupPolicy()).isEqualTo(CleanupPolicy.DELETE);
    assertThat(Topics.AUDIT.retention()).isEqualTo(Duration.ofDays(365));
  }
}
