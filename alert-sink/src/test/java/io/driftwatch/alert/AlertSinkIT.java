package io.driftwatch.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.driftwatch.alert.metrics.MeterCatalog;
import io.driftwatch.model.DriftStatus;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.KafkaSettings;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.SourceOrigin;
import io.driftwatch.model.SourcePhase;
import io.driftwatch.model.SourceStatus;
import io.driftwatch.model.SyncStatus;
import io.driftwatch.model.topic.TopicProvisioner;
import io.driftwatch.model.topic.Topics;
import io.driftwatch.testkit.TestKafka;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AlertSinkIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final String cluster = "alert-it-" + UUID.randomUUID().toString().substring(0, 8);
  private final ResourceKey web = ResourceKey.of(cluster, "apps/v1", "Deployment", "shop", "web");
  private final ResourceKey api = ResourceKey.of(cluster, "apps/v1", "Deployment", "shop", "api");
  private final ResourceKey db = ResourceKey.of(cluster, "apps/v1", "StatefulSet", "shop", "db");

  @BeforeAll
  static void provisionTopics() {
    try (Admin admin =
        Admin.create(KafkaSettings.of(TestKafka.bootstrapServers()).clientConfig())) {
      new TopicProvisioner(admin, Optional.empty(), Optional.empty(), Duration.ofSeconds(30))
          .ensure(Topics.all());
    }
  }

  @Test
  void gaugesFollowDriftStatusAndAreRebuiltByAFreshInstance() throws Exception {
    KafkaSettings kafka = KafkaSettings.of(TestKafka.bootstrapServers());
    publish(kafka, web, status(web, SyncStatus.OUT_OF_SYNC, DriftType.MODIFIED));
    publish(kafka, api, status(api, SyncStatus.SYNCED, DriftType.NONE));
    publish(kafka, db, status(db, SyncStatus.OUT_OF_SYNC, DriftType.MISSING_LIVE));
    publishUnreadable(kafka);

    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (AlertSink sink = new AlertSink(AlertSinkConfig.defaults(), kafka, registry)) {
      sink.start();
      await().atMost(TIMEOUT).until(() -> value(registry, "Deployment", "MODIFIED") == 1.0);
      assertThat(value(registry, "Deployment", "MISSING_LIVE")).isZero();
      assertThat(value(registry, "StatefulSet", "MISSING_LIVE")).isEqualTo(1.0);

      publish(kafka, web, status(web, SyncStatus.SYNCED, DriftType.NONE));
      publish(kafka, db, null);

      await().atMost(TIMEOUT).until(() -> value(registry, "Deployment", "MODIFIED") == 0.0);
      await().atMost(TIMEOUT).until(() -> series(registry, "StatefulSet").isEmpty());
      assertThat(sink.healthy()).as("still reading after an unreadable record").isTrue();
    }

    PrometheusMeterRegistry fresh = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (AlertSink restarted = new AlertSink(AlertSinkConfig.defaults(), kafka, fresh)) {
      restarted.start();
      await().atMost(TIMEOUT).until(() -> series(fresh, "Deployment").size() == 3);
      assertThat(value(fresh, "Deployment", "MODIFIED")).isZero();
      assertThat(value(fresh, "Deployment", "MISSING_LIVE")).isZero();
      assertThat(series(fresh, "StatefulSet")).isEmpty();
    }
  }

  @Test
  void sourceFreshnessFollowsSourceStatusAndIsRebuiltByAFreshInstance() throws Exception {
    KafkaSettings kafka = KafkaSettings.of(TestKafka.bootstrapServers());
    String fleet = SourceStatus.gitSource(cluster + "-fleet");
    String gone = SourceStatus.gitSource(cluster + "-gone");
    Instant success = Instant.parse("2026-11-26T08:00:00Z");
    publishStatus(kafka, fleet, gitStatus(fleet, SourcePhase.FAILED).withHistory(success, 3));
    publishStatus(kafka, gone, gitStatus(gone, SourcePhase.SYNCED));

    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (AlertSink sink = new AlertSink(AlertSinkConfig.defaults(), kafka, registry)) {
      sink.start();
      await().atMost(TIMEOUT).until(() -> sourceGauge(registry, fleet, false) == 3.0);
      assertThat(sourceGauge(registry, fleet, true)).isEqualTo(success.getEpochSecond());
      assertThat(registry.scrape())
          .contains(
              "gitops_source_last_success_timestamp_seconds{source=\"" + fleet + "\"} 1.79568E9");

      publishStatus(kafka, gone, null);
      await().atMost(TIMEOUT).until(() -> Double.isNaN(sourceGauge(registry, gone, false)));
    }

    PrometheusMeterRegistry fresh = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (AlertSink restarted = new AlertSink(AlertSinkConfig.defaults(), kafka, fresh)) {
      restarted.start();
      await().atMost(TIMEOUT).until(() -> sourceGauge(fresh, fleet, false) == 3.0);
      assertThat(sourceGauge(fresh, fleet, true)).isEqualTo(success.getEpochSecond());
      assertThat(sourceGauge(fresh, gone, true)).isNaN();
    }
  }

  private static SourceStatus gitStatus(String source, SourcePhase phase) {
    return SourceStatus.of(source, SourceOrigin.GIT, phase, "abc", 1, Instant.now(), null);
  }

  private static double sourceGauge(
      PrometheusMeterRegistry registry, String source, boolean lastSuccess) {
    Gauge gauge =
        registry
            .find(
                (lastSuccess
                        ? MeterCatalog.SOURCE_LAST_SUCCESS
                        : MeterCatalog.SOURCE_CONSECUTIVE_FAILURES)
                    .name())
            .tags("source", source)
            .gauge();
    return gauge == null ? Double.NaN : gauge.value();
  }

  private static void publishStatus(KafkaSettings kafka, String source, SourceStatus status)
      throws Exception {
    try (KafkaProducer<String, SourceStatus> producer =
        new KafkaProducer<>(
            kafka.clientConfig(),
            Topics.SOURCE_STATUS.keySerde().serializer(),
            Topics.SOURCE_STATUS.valueSerde().serializer())) {
      producer.send(new ProducerRecord<>(Topics.SOURCE_STATUS.name(), source, status)).get();
    }
  }

  private double value(PrometheusMeterRegistry registry, String kind, String driftType) {
    Gauge gauge =
        registry
            .find(MeterCatalog.DRIFT_RESOURCES.name())
            .tags("cluster", cluster, "kind", kind, "drift_type", driftType)
            .gauge();
    return gauge == null ? Double.NaN : gauge.value();
  }

  private List<Gauge> series(PrometheusMeterRegistry registry, String kind) {
    return List.copyOf(
        registry
            .find(MeterCatalog.DRIFT_RESOURCES.name())
            .tags("cluster", cluster, "kind", kind)
            .gauges());
  }

  private static DriftStatus status(ResourceKey key, SyncStatus sync, DriftType type) {
    Instant now = Instant.now();
    return DriftStatus.of(key, sync, type, List.of(), "abc", now, now);
  }

  private static void publish(KafkaSettings kafka, ResourceKey key, DriftStatus status)
      throws Exception {
    try (KafkaProducer<ResourceKey, DriftStatus> producer =
        new KafkaProducer<>(
            kafka.clientConfig(),
            Topics.DRIFT_STATUS.keySerde().serializer(),
            Topics.DRIFT_STATUS.valueSerde().serializer())) {
      producer.send(new ProducerRecord<>(Topics.DRIFT_STATUS.name(), key, status)).get();
    }
  }

  private void publishUnreadable(KafkaSettings kafka) throws Exception {
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            kafka.clientConfig(), new ByteArraySerializer(), new ByteArraySerializer())) {
      producer
          .send(
              new ProducerRecord<>(
                  Topics.DRIFT_STATUS.name(),
                  web.toString().getBytes(StandardCharsets.UTF_8),
                  "{broken".getBytes(StandardCharsets.UTF_8)))
          .get();
    }
  }
}
