package io.driftwatch.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.driftwatch.model.DriftAggregate;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.KafkaSettings;
import io.driftwatch.model.SourceOrigin;
import io.driftwatch.model.SourcePhase;
import io.driftwatch.model.SourceStatus;
import io.driftwatch.model.topic.TopicProvisioner;
import io.driftwatch.model.topic.Topics;
import io.driftwatch.telemetry.MeterCatalog;
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

  @BeforeAll
  static void provisionTopics() {
    try (Admin admin =
        Admin.create(KafkaSettings.of(TestKafka.bootstrapServers()).clientConfig())) {
      new TopicProvisioner(admin, Optional.empty(), Optional.empty(), Duration.ofSeconds(30))
          .ensure(Topics.all());
    }
  }

  @Test
  void gaugesFollowDriftAggregatesAndAreRebuiltByAFreshInstance() throws Exception {
    KafkaSettings kafka = KafkaSettings.of(TestKafka.bootstrapServers());
    Instant opened = Instant.now().minus(Duration.ofMinutes(10));
    DriftAggregate webModified = resources("Deployment", DriftType.MODIFIED, 1);
    DriftAggregate dbMissing = resources("StatefulSet", DriftType.MISSING_LIVE, 1);
    DriftAggregate shopOldest = DriftAggregate.oldestOpen(cluster, "shop", opened);
    DriftAggregate billingOldest = DriftAggregate.oldestOpen(cluster, "billing", opened);
    publish(kafka, webModified);
    publish(kafka, resources("Deployment", DriftType.NONE, 1));
    publish(kafka, dbMissing);
    publish(kafka, shopOldest);
    publish(kafka, billingOldest);
    publishUnreadable(kafka);

    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (AlertSink sink = new AlertSink(AlertSinkConfig.defaults(), kafka, registry)) {
      sink.start();
      await().atMost(TIMEOUT).until(() -> value(registry, "Deployment", "MODIFIED") == 1.0);
      assertThat(value(registry, "Deployment", "MISSING_LIVE")).isZero();
      assertThat(value(registry, "StatefulSet", "MISSING_LIVE")).isEqualTo(1.0);
      await().atMost(TIMEOUT).until(() -> oldestOpen(registry, "shop") >= 600.0);
      assertThat(registry.scrape())
          .contains(
              "gitops_drift_oldest_open_seconds{cluster=\"" + cluster + "\",namespace=\"shop\"}");

      // web resolved, db gone, shop has no open drift any more: what drift-stream then publishes.
      tombstone(kafka, webModified.key());
      publish(kafka, resources("Deployment", DriftType.NONE, 2));
      tombstone(kafka, dbMissing.key());
      tombstone(kafka, shopOldest.key());

      await().atMost(TIMEOUT).until(() -> value(registry, "Deployment", "MODIFIED") == 0.0);
      await().atMost(TIMEOUT).until(() -> series(registry, "StatefulSet").isEmpty());
      await().atMost(TIMEOUT).until(() -> Double.isNaN(oldestOpen(registry, "shop")));
      assertThat(sink.healthy()).as("still reading after an unreadable record").isTrue();
    }

    PrometheusMeterRegistry fresh = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (AlertSink restarted = new AlertSink(AlertSinkConfig.defaults(), kafka, fresh)) {
      restarted.start();
      await().atMost(TIMEOUT).until(() -> series(fresh, "Deployment").size() == 3);
      assertThat(value(fresh, "Deployment", "MODIFIED")).isZero();
      assertThat(value(fresh, "Deployment", "MISSING_LIVE")).isZero();
      assertThat(series(fresh, "StatefulSet")).isEmpty();
      await().atMost(TIMEOUT).until(() -> oldestOpen(fresh, "billing") >= 600.0);
      assertThat(oldestOpen(fresh, "shop")).isNaN();
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

  private double oldestOpen(PrometheusMeterRegistry registry, String namespace) {
    Gauge gauge =
        registry
            .find(MeterCatalog.DRIFT_OLDEST_OPEN.name())
            .tags("cluster", cluster, "namespace", namespace)
            .gauge();
    return gauge == null ? Double.NaN : gauge.value();
  }

  private DriftAggregate resources(String kind, DriftType type, long count) {
    return DriftAggregate.resources(cluster, "shop", "apps", kind, type, count);
  }

  private static void publish(KafkaSettings kafka, DriftAggregate row) throws Exception {
    send(kafka, row.key(), row);
  }

  private static void tombstone(KafkaSettings kafka, String key) throws Exception {
    send(kafka, key, null);
  }

  private static void send(KafkaSettings kafka, String key, DriftAggregate row) throws Exception {
    try (KafkaProducer<String, DriftAggregate> producer =
        new KafkaProducer<>(
            kafka.clientConfig(),
            Topics.DRIFT_AGGREGATES.keySerde().serializer(),
            Topics.DRIFT_AGGREGATES.valueSerde().serializer())) {
      producer.send(new ProducerRecord<>(Topics.DRIFT_AGGREGATES.name(), key, row)).get();
    }
  }

  private void publishUnreadable(KafkaSettings kafka) throws Exception {
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            kafka.clientConfig(), new ByteArraySerializer(), new ByteArraySerializer())) {
      producer
          .send(
              new ProducerRecord<>(
                  Topics.DRIFT_AGGREGATES.name(),
                  resources("Deployment", DriftType.MODIFIED, 1)
                      .key()
                      .getBytes(StandardCharsets.UTF_8),
                  "{broken".getBytes(StandardCharsets.UTF_8)))
          .get();
    }
  }
}
