package io.driftwatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.model.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class DriftAggregateTest {

  private static final Instant OPENED = Instant.parse("2026-03-01T10:00:00.123456789Z");

  @Test
  void resourcesRowsAreKeyedByClusterNamespaceGroupKindAndDriftType() {
    DriftAggregate row =
        DriftAggregate.resources("prod", "shop", "apps", "Deployment", DriftType.MODIFIED, 2);

    assertThat(row.key()).isEqualTo("resources:prod/shop/apps/Deployment/MODIFIED");
    assertThat(DriftAggregate.resources("prod", "", "", "Namespace", DriftType.EXTRA_LIVE, 1).key())
        .as("core group and cluster scope are empty segments")
        .isEqualTo("resources:prod///Namespace/EXTRA_LIVE");
  }

  @Test
  void oldestOpenRowsAreKeyedByClusterAndNamespace() {
    assertThat(DriftAggregate.oldestOpen("prod", "shop", OPENED).key())
        .isEqualTo("oldest:prod/shop");
    assertThat(DriftAggregate.oldestOpen("prod", null, OPENED).key()).isEqualTo("oldest:prod/");
  }

  @Test
  void slashesInSegmentsAreEscapedSoThatDistinctGroupsNeverShareAKey() {
    String escaped = DriftAggregate.oldestOpenKey("prod/shop", "x");
    String plain = DriftAggregate.oldestOpenKey("prod", "shop/x");

    assertThat(escaped).isEqualTo("oldest:prod%2Fshop/x");
    assertThat(plain).isEqualTo("oldest:prod/shop%2Fx");
  }

  @Test
  void rowsRoundTripThroughTheTopicSerde() {
    var serde = Topics.DRIFT_AGGREGATES.valueSerde();
    for (DriftAggregate row :
        new DriftAggregate[] {
          DriftAggregate.resources("prod", "shop", "apps", "Deployment", DriftType.NONE, 7),
          DriftAggregate.oldestOpen("prod", "shop", OPENED)
        }) {
      DriftAggregate back =
          serde.deserializer().deserialize("t", serde.serializer().serialize("t", row));
      assertThat(back).isEqualTo(row);
    }
  }

  @Test
  void aRowThatCountsNothingIsRefusedBecauseZeroIsATombstone() {
    assertThatThrownBy(
            () -> DriftAggregate.resources("prod", "shop", "apps", "Deployment", DriftType.NONE, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("prod/shop")
        .hasMessageContaining("count at least 1");
  }

  @Test
  void anUnreadableRowNamesTheTypeAndTopic() {
    byte[] bad =
        "{\"schemaVersion\":1,\"measure\":\"OLDEST_OPEN\",\"cluster\":\"prod\"}"
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(
            () ->
                Topics.DRIFT_AGGREGATES
                    .valueSerde()
                    .deserializer()
                    .deserialize(Topics.DRIFT_AGGREGATES.name(), bad))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("DriftAggregate")
        .hasMessageContaining("gitops.drift-aggregates.v1");
  }
}
