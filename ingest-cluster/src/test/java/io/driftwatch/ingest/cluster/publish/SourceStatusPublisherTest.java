package io.driftwatch.ingest.cluster.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.ingest.cluster.testing.RecordingSink;
import io.driftwatch.model.SourceOrigin;
import io.driftwatch.model.SourcePhase;
import io.driftwatch.model.SourceStatus;
import io.driftwatch.model.topic.Topics;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SourceStatusPublisherTest {

  private final RecordingSink sink = new RecordingSink();
  private final SourceStatusPublisher publisher =
      new SourceStatusPublisher(
          sink, Clock.fixed(Instant.parse("2026-11-26T09:30:00Z"), ZoneOffset.UTC));

  @Test
  void markersAreKeyedByClusterGroupAndKindAndSayWhereTheKindStands() {
    publisher.listing("prod", "apps", "Deployment");
    publisher.synced("prod", "apps", "Deployment", "4711", 12);
    publisher.failed("prod", "", "ConfigMap", "ConnectException: Connection refused");

    assertThat(sink.on(Topics.SOURCE_STATUS))
        .satisfiesExactly(
            sent -> {
              assertThat(sent.key()).isEqualTo("cluster:prod/apps/Deployment");
              assertThat(((SourceStatus) sent.value()).phase()).isEqualTo(SourcePhase.LISTING);
            },
            sent -> {
              SourceStatus status = (SourceStatus) sent.value();
              assertThat(status.phase()).isEqualTo(SourcePhase.SYNCED);
              assertThat(status.origin()).isEqualTo(SourceOrigin.CLUSTER);
              assertThat(status.revision()).isEqualTo("4711");
              assertThat(status.resourceCount()).isEqualTo(12);
            },
            sent -> {
              assertThat(sent.key()).isEqualTo("cluster:prod//ConfigMap");
              SourceStatus status = (SourceStatus) sent.value();
              assertThat(status.phase()).isEqualTo(SourcePhase.FAILED);
              assertThat(status.message()).contains("Connection refused");
            });
  }

  @Test
  void aLostWatchIsRelistingUntilTheNewListIsSynced() {
    publisher.synced("prod", "apps", "Deployment", "4711", 12);
    publisher.relisting("prod", "apps", "Deployment");
    publisher.synced("prod", "apps", "Deployment", "4790", 11);

    assertThat(sink.on(Topics.SOURCE_STATUS))
        .extracting(sent -> (SourceStatus) sent.value())
        .satisfiesExactly(
            synced -> assertThat(synced.phase()).isEqualTo(SourcePhase.SYNCED),
            relisting -> {
              assertThat(relisting.source()).isEqualTo("cluster:prod/apps/Deployment");
              assertThat(relisting.phase()).isEqualTo(SourcePhase.RELISTING);
              assertThat(relisting.resourceCount()).isZero();
              assertThat(relisting.lastSuccessAt()).isNull();
            },
            synced -> {
              assertThat(synced.phase()).isEqualTo(SourcePhase.SYNCED);
              assertThat(synced.revision()).isEqualTo("4790");
              assertThat(synced.resourceCount()).isEqualTo(11);
            });
  }
}
