package io.driftwatch.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.model.DesiredState;
import io.driftwatch.model.LiveState;
import io.driftwatch.model.ReconcilerStatus;
import io.driftwatch.model.ReconcilerStatus.Condition;
import io.driftwatch.model.ReconcilerStatus.ReadyState;
import io.driftwatch.model.ReconcilerStatus.ReconcilerTool;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.SourceStatus;
import io.driftwatch.model.serde.Json;
import io.driftwatch.model.topic.Topic;
import io.driftwatch.model.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/**
 * drift-stream's inputs read through the very serdes of the topic registry, as a later producer
 * might write them: fields this reader does not know are ignored, and a higher {@code
 * schemaVersion} is read by the fields it does know and kept as written. A record this reader
 * cannot read (a known field of another type, an enum constant it does not know) fails with an
 * error naming the type, the topic and the field, never the value: the stream's deserialization
 * handler turns that into a dead letter.
 */
class TolerantReaderTest {

  private static final ResourceKey WEB = DriftInputs.deployment("prod", "web");
  private static final int NEWER = 7;

  @Test
  void desiredStateOfANewerVersionIsReadByTheFieldsThisReaderKnows() {
    DesiredState written = DriftInputs.desired(WEB, "shop-prod", 3);

    DesiredState read = readAsNewer(Topics.DESIRED_STATE, written);

    assertThat(read.schemaVersion()).isEqualTo(NEWER);
    assertThat(read).usingRecursiveComparison().ignoringFields("schemaVersion").isEqualTo(written);
  }

  @Test
  void liveStateOfANewerVersionIsReadByTheFieldsThisReaderKnows() {
    LiveState written =
        DriftInputs.live(WEB, 3).withManagedBy(DriftInputs.deployment("prod", "shop-app"));

    LiveState read = readAsNewer(Topics.LIVE_STATE, written);

    assertThat(read.schemaVersion()).isEqualTo(NEWER);
    assertThat(read).usingRecursiveComparison().ignoringFields("schemaVersion").isEqualTo(written);
  }

  @Test
  void sourceStatusOfANewerVersionIsReadByTheFieldsThisReaderKnows() {
    SourceStatus written =
        DriftInputs.syncedSources("shop-prod", List.of(WEB)).iterator().next().withHistory(null, 2);

    SourceStatus read = readAsNewer(Topics.SOURCE_STATUS, written);

    assertThat(read.schemaVersion()).isEqualTo(NEWER);
    assertThat(read).usingRecursiveComparison().ignoringFields("schemaVersion").isEqualTo(written);
  }

  @Test
  void reconcilerStatusOfANewerVersionIsReadWithUnknownFieldsInsideItsConditionsToo() {
    ReconcilerStatus written = reconcilerStatus();
    ObjectNode json = Json.mapper().valueToTree(written);
    newer(json);
    ((ObjectNode) json.get("conditions").get(0))
        .put("observedGeneration", 4)
        .put("severity", "Error");

    ReconcilerStatus read = read(Topics.RECONCILER_STATUS, json);

    assertThat(read.schemaVersion()).isEqualTo(NEWER);
    assertThat(read).usingRecursiveComparison().ignoringFields("schemaVersion").isEqualTo(written);
  }

  @Test
  void aKnownFieldOfAnotherTypeIsAnErrorNamingTypeTopicAndFieldButNotTheValue() {
    ObjectNode json = Json.mapper().valueToTree(DriftInputs.desired(WEB, "shop-prod", 3));
    json.put("manifest", "apiVersion: apps/v1 # written as YAML text by a newer writer");

    assertThatThrownBy(() -> read(Topics.DESIRED_STATE, json))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Cannot read DesiredState from topic " + Topics.DESIRED_STATE.name())
        .hasMessageContaining("manifest")
        .hasMessageNotContaining("newer writer");
  }

  @Test
  void anEnumConstantThisReaderDoesNotKnowIsAnErrorNamingTheField() {
    ObjectNode json = Json.mapper().valueToTree(reconcilerStatus());
    json.put("tool", "KARGO");

    assertThatThrownBy(() -> read(Topics.RECONCILER_STATUS, json))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Cannot read ReconcilerStatus")
        .hasMessageContaining("tool")
        .hasMessageNotContaining("KARGO");
  }

  @Test
  void aRecordWithoutItsSchemaVersionReadsAsVersionZeroAndIsStillRead() {
    ObjectNode json = Json.mapper().valueToTree(DriftInputs.live(WEB, 3));
    json.remove("schemaVersion");

    assertThat(read(Topics.LIVE_STATE, json).schemaVersion()).isZero();
  }

  private static ReconcilerStatus reconcilerStatus() {
    return new ReconcilerStatus(
        ReconcilerStatus.SCHEMA_VERSION,
        DriftInputs.deployment("prod", "shop-app"),
        ReconcilerTool.FLUX,
        ReadyState.FALSE,
        "BuildFailed",
        "kustomize build failed",
        false,
        "main@sha1:0123",
        "main@sha1:4567",
        4L,
        4L,
        List.of(
            new Condition(
                "Ready",
                "False",
                "BuildFailed",
                "kustomize build failed",
                Instant.parse("2026-03-01T10:00:00Z"))),
        List.of(WEB),
        Instant.parse("2026-03-01T10:00:01Z"));
  }

  private static <V> V readAsNewer(Topic<?, V> topic, V written) {
    ObjectNode json = Json.mapper().valueToTree(written);
    newer(json);
    return read(topic, json);
  }

  /** What a later producer adds: a higher version, new fields, a new nested object. */
  private static void newer(ObjectNode json) {
    json.put("schemaVersion", NEWER);
    json.put("tenant", "team-a");
    json.putObject("provenance").put("writer", "ingest 9.0").putArray("hops").add("edge");
  }

  private static <V> V read(Topic<?, V> topic, ObjectNode json) {
    return topic
        .valueSerde()
        .deserializer()
        .deserialize(topic.name(), json.toString().getBytes(StandardCharsets.UTF_8));
  }
}
