package io.driftwatch.drift.aggregate;

import static io.driftwatch.drift.aggregate.AggregateDriver.T0;
import static io.driftwatch.drift.aggregate.AggregateDriver.drifted;
import static io.driftwatch.drift.aggregate.AggregateDriver.synced;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.node.IntNode;
import io.driftwatch.model.DriftAggregate;
import io.driftwatch.model.DriftStatus;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.FieldDiff;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.SyncStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftAggregatesTest {

  private static final ResourceKey WEB =
      ResourceKey.of("prod", "apps/v1", "Deployment", "shop", "web");
  private static final ResourceKey API =
      ResourceKey.of("prod", "apps/v1", "Deployment", "shop", "api");
  private static final ResourceKey DB =
      ResourceKey.of("prod", "apps/v1", "StatefulSet", "shop", "db");
  private static final ResourceKey BILLING =
      ResourceKey.of("prod", "apps/v1", "Deployment", "billing", "web");
  private static final Instant T1 = T0.plus(Duration.ofMinutes(1));
  private static final Instant T2 = T0.plus(Duration.ofMinutes(2));

  private static final String WEB_MODIFIED = "resources:prod/shop/apps/Deployment/MODIFIED";
  private static final String WEB_MISSING = "resources:prod/shop/apps/Deployment/MISSING_LIVE";
  private static final String WEB_NONE = "resources:prod/shop/apps/Deployment/NONE";
  private static final String SHOP_OLDEST = "oldest:prod/shop";
  private static final String BILLING_OLDEST = "oldest:prod/billing";

  @TempDir Path stateDir;
  private AggregateDriver driver;

  @BeforeEach
  void start() {
    driver = new AggregateDriver(stateDir);
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void anOpenedDriftIsCountedAndIsTheOldestOpenInItsNamespace() {
    driver.publish(WEB, drifted(WEB, DriftType.MODIFIED, T0));

    assertThat(driver.table())
        .containsOnly(
            entry(
                WEB_MODIFIED,
                DriftAggregate.resources(
                    "prod", "shop", "apps", "Deployment", DriftType.MODIFIED, 1)),
            entry(SHOP_OLDEST, DriftAggregate.oldestOpen("prod", "shop", T0)));
  }

  @Test
  void resourcesOfOneGroupAddUpAndSyncedOnesCountAsNone() {
    driver.publish(WEB, drifted(WEB, DriftType.MODIFIED, T0));
    driver.publish(API, drifted(API, DriftType.MODIFIED, T1));
    driver.publish(DB, synced(DB, T0));

    assertThat(driver.table().get(WEB_MODIFIED).count()).isEqualTo(2);
    assertThat(driver.table().get("resources:prod/shop/apps/StatefulSet/NONE").count())
        .isEqualTo(1);
    assertThat(driver.table().get(SHOP_OLDEST).openedAt()).isEqualTo(T0);
  }

  @Test
  void aChangedDriftTypeMovesTheResourceBetweenCountsAndKeepsItsEpisode() {
    driver.publish(WEB, drifted(WEB, DriftType.MODIFIED, T0));
    driver.publish(API, drifted(API, DriftType.MODIFIED, T1));
    driver.takePublished();

    driver.publish(WEB, drifted(WEB, DriftType.MISSING_LIVE, T0));

    assertThat(driver.table().get(WEB_MODIFIED).count()).isEqualTo(1);
    assertThat(driver.table().get(WEB_MISSING).count()).isEqualTo(1);
    assertThat(driver.takePublished())
        .as("the oldest open drift did not change, so it is not republished")
        .extracting(record -> record.key)
        .containsExactlyInAnyOrder(WEB_MODIFIED, WEB_MISSING);
  }

  @Test
  void aResolvedDriftLeavesItsCountForNoneAndClosesItsEpisode() {
    driver.publish(WEB, drifted(WEB, DriftType.MODIFIED, T0));

    driver.publish(WEB, synced(WEB, T1));

    assertThat(driver.table())
        .containsOnly(
            entry(
                WEB_NONE,
                DriftAggregate.resources("prod", "shop", "apps", "Deployment", DriftType.NONE, 1)));
    assertThat(driver.takePublished())
        .as("the emptied count and the closed episode are tombstones")
        .contains(KeyValue.pair(WEB_MODIFIED, null), KeyValue.pair(SHOP_OLDEST, null));
  }

  @Test
  void aResourceThatIsGoneLeavesNoRowBehind() {
    driver.publish(WEB, drifted(WEB, DriftType.MODIFIED, T0));
    driver.publish(DB, synced(DB, T0));

    driver.forget(WEB);
    driver.forget(DB);

    assertThat(driver.table()).isEmpty();
    assertThat(driver.entries(DriftAggregates.FACTS_STORE))
        .as("nothing is remembered of resources that are gone")
        .isZero();
    assertThat(driver.entries(DriftAggregates.COUNT_STORE)).isZero();
    assertThat(driver.entries(DriftAggregates.OPEN_INDEX_STORE)).isZero();
  }

  @Test
  void whenTheOldestDriftResolvesTheNextOldestTakesItsPlace() {
    driver.publish(WEB, drifted(WEB, DriftType.MODIFIED, T0));
    driver.publish(API, drifted(API, DriftType.MODIFIED, T2));
    driver.publish(DB, drifted(DB, DriftType.MISSING_LIVE, T1));
    assertThat(driver.table().get(SHOP_OLDEST).openedAt()).isEqualTo(T0);

    driver.publish(WEB, synced(WEB, T2));
    assertThat(driver.table().get(SHOP_OLDEST).openedAt()).isEqualTo(T1);

    driver.forget(DB);
    assertThat(driver.table().get(SHOP_OLDEST).openedAt()).isEqualTo(T2);

    driver.publish(API, synced(API, T2));
    assertThat(driver.table()).doesNotContainKey(SHOP_OLDEST);
  }

  @Test
  void aNewerDriftDoesNotRepublishTheOldest() {
    driver.publish(WEB, drifted(WEB, DriftType.MODIFIED, T0));
    driver.takePublished();

    driver.publish(API, drifted(API, DriftType.MODIFIED, T1));

    assertThat(driver.takePublished()).extracting(record -> record.key).doesNotContain(SHOP_OLDEST);
  }

  @Test
  void twoNamespacesHaveTheirOwnCountsAndOldest() {
    driver.publish(WEB, drifted(WEB, DriftType.MODIFIED, T1));
    driver.publish(BILLING, drifted(BILLING, DriftType.MODIFIED, T0));

    assertThat(driver.table().get(WEB_MODIFIED).count()).isEqualTo(1);
    assertThat(driver.table().get("resources:prod/billing/apps/Deployment/MODIFIED").count())
        .isEqualTo(1);
    assertThat(driver.table().get(SHOP_OLDEST).openedAt()).isEqualTo(T1);
    assertThat(driver.table().get(BILLING_OLDEST).openedAt()).isEqualTo(T0);

    driver.publish(BILLING, synced(BILLING, T2));

    assertThat(driver.table()).doesNotContainKey(BILLING_OLDEST);
    assertThat(driver.table().get(SHOP_OLDEST).openedAt()).isEqualTo(T1);
  }

  @Test
  void aPendingInterludeLeavesTheCountButKeepsTheEpisodeOpen() {
    driver.publish(WEB, drifted(WEB, DriftType.MODIFIED, T0));

    driver.publish(
        WEB,
        DriftStatus.of(
            WEB, SyncStatus.PENDING, DriftType.NONE, List.of(), "def", T1, T1, T0, "flux/shop"));

    assertThat(driver.table()).doesNotContainKey(WEB_MODIFIED);
    assertThat(driver.table().get(WEB_NONE).count()).isEqualTo(1);
    assertThat(driver.table().get(SHOP_OLDEST).openedAt()).isEqualTo(T0);
  }

  @Test
  void statusChangesThatChangeNeitherTypeNorEpisodePublishNothing() {
    driver.publish(WEB, drifted(WEB, DriftType.MODIFIED, T0));
    driver.takePublished();

    driver.publish(
        WEB,
        DriftStatus.of(
            WEB,
            SyncStatus.OUT_OF_SYNC,
            DriftType.MODIFIED,
            List.of(new FieldDiff("/spec/replicas", IntNode.valueOf(3), IntNode.valueOf(2))),
            "def",
            T0,
            T2,
            T0,
            null));

    assertThat(driver.takePublished()).isEmpty();
  }

  @Test
  void clusterScopedResourcesAreGroupedUnderAnEmptyNamespace() {
    ResourceKey ns = ResourceKey.of("prod", "v1", "Namespace", null, "shop");

    driver.publish(ns, drifted(ns, DriftType.EXTRA_LIVE, T0));

    assertThat(driver.table())
        .containsKeys("resources:prod///Namespace/EXTRA_LIVE", "oldest:prod/");
  }

  @Test
  void aStatusWithoutDriftTypeIsCountedAsNotDriftedAndTheStreamGoesOn() {
    driver.publish(
        WEB,
        new DriftStatus(
            1, WEB, SyncStatus.OUT_OF_SYNC, null, List.of(), "abc", T0, T0, null, null));
    driver.publish(API, drifted(API, DriftType.MODIFIED, T1));

    assertThat(driver.table().get(WEB_NONE).count()).isEqualTo(1);
    assertThat(driver.table().get(WEB_MODIFIED).count()).isEqualTo(1);
  }
}
