package io.driftwatch.ingest.cluster;

import static io.driftwatch.ingest.cluster.testing.IngestHarness.TIMEOUT;
import static io.driftwatch.ingest.cluster.testing.IngestHarness.awaitLive;
import static io.driftwatch.ingest.cluster.testing.IngestHarness.uniqueCluster;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.ingest.cluster.kube.Backoff;
import io.driftwatch.ingest.cluster.testing.Fixtures;
import io.driftwatch.ingest.cluster.testing.IngestHarness;
import io.driftwatch.ingest.cluster.testing.KubeObjects;
import io.driftwatch.ingest.cluster.testing.LogCapture;
import io.driftwatch.ingest.cluster.testing.MockCluster;
import io.driftwatch.model.DeadLetter;
import io.driftwatch.model.LiveState;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.topic.Topic;
import io.driftwatch.model.topic.Topics;
import io.driftwatch.testkit.TopicProbe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Secret scan: Secrets with planted values (in {@code data}, in {@code stringData}, in the
 * {@code last-applied-configuration} annotation, changed while watched, and one too large to
 * publish) flow through the real ingest-cluster from the mock API server into the real broker.
 * Every record of every registry topic (keys, values, headers), every log line written meanwhile
 * and every meter are then scanned for the planted values' bytes, raw and base64-encoded. A
 * ConfigMap's value, which is not secret, is found by the same scan, which proves the scan sees
 * what was published.
 */
class SecretScanIT {

  private final IngestHarness harness = IngestHarness.start();

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void noPlantedSecretValueReachesAnyTopicLogLineOrMeter() throws Exception {
    String cluster = uniqueCluster();
    String inData = planted("data");
    String inStringData = planted("stringData");
    String rotated = planted("rotated");
    String inLargeSecret = planted("large");
    String notSecret = planted("configmap");
    MockCluster mock = harness.open(MockCluster.start());
    KubernetesClient k8s = mock.client();
    k8s.secrets()
        .inNamespace("shop")
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("db")
                .withNamespace("shop")
                .addToAnnotations(
                    "kubectl.kubernetes.io/last-applied-configuration",
                    "{\"data\":{\"password\":\"" + base64(inData) + "\"}}")
                .endMetadata()
                .addToData("password", base64(inData))
                .addToStringData("token", inStringData)
                .build())
        .create();
    k8s.secrets().inNamespace("shop").resource(largeSecret(inLargeSecret)).create();
    k8s.configMaps()
        .inNamespace("shop")
        .resource(KubeObjects.configMap("shop", "settings", "mirror", notSecret))
        .create();
    TopicProbe<ResourceKey, LiveState> live = harness.probe(Topics.LIVE_STATE);
    TopicProbe<String, DeadLetter> deadLetters = harness.probe(Topics.DEAD_LETTER);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    LogCapture log = harness.open(LogCapture.start());

    ClusterIngest ingest =
        new ClusterIngest(
            new ClusterIngestConfig(
                List.of(
                    new ClusterConfig(
                        cluster,
                        null,
                        null,
                        false,
                        List.of(WatchedKind.of("v1", "Secret"), WatchedKind.of("v1", "ConfigMap")),
                        List.of(),
                        null)),
                16 * 1024),
            harness.kafka(),
            Fixtures.redactor(),
            config -> mock.newClient(),
            registry,
            Backoff.DEFAULT);
    ingest.start();
    ResourceKey db = ResourceKey.of(cluster, "v1", "Secret", "shop", "db");
    LiveState first = awaitLive(live, db);
    assertThat(first.manifest().path("data").path("password").asText()).startsWith("hmac-sha256:");
    assertThat(first.manifest().path("data").path("token").asText()).startsWith("hmac-sha256:");
    LiveState large = awaitLive(live, ResourceKey.of(cluster, "v1", "Secret", "shop", "large"));
    assertThat(
            large
                .manifest()
                .path("metadata")
                .path("annotations")
                .has(LiveState.TRUNCATED_ANNOTATION))
        .isTrue();
    deadLetters.await(r -> r.key().equals(cluster + "/v1/Secret/shop/large"), TIMEOUT);
    awaitLive(live, ResourceKey.of(cluster, "v1", "ConfigMap", "shop", "settings"));
    // A value changed while watched is redacted too.
    k8s.secrets()
        .inNamespace("shop")
        .withName("db")
        .edit(s -> new SecretBuilder(s).addToStringData("token", rotated).build());
    live.await(
        r ->
            r.key().equals(db)
                && r.value() != null
                && !r.value()
                    .manifest()
                    .path("data")
                    .path("token")
                    .equals(first.manifest().path("data").path("token")),
        TIMEOUT);
    ingest.close();
    log.close();

    Map<String, byte[]> published = new LinkedHashMap<>();
    for (Topic<?, ?> topic : Topics.all()) {
      published.put(topic.name(), everything(topic));
    }
    published.put("log output", log.bytes());
    published.put("meters", meters(registry));

    for (String value : List.of(inData, inStringData, rotated, inLargeSecret)) {
      for (Map.Entry<String, byte[]> scanned : published.entrySet()) {
        for (String form : forms(value)) {
          assertThat(indexOf(scanned.getValue(), form.getBytes(StandardCharsets.UTF_8)))
              .as("%s holds the planted value %s as %s", scanned.getKey(), value, form)
              .isEqualTo(-1);
        }
      }
    }
    assertThat(
            indexOf(
                published.get(Topics.LIVE_STATE.name()),
                notSecret.getBytes(StandardCharsets.UTF_8)))
        .as("the scan finds the ConfigMap's value, which is not secret")
        .isNotEqualTo(-1);
  }

  private static Secret largeSecret(String value) {
    SecretBuilder secret =
        new SecretBuilder().withNewMetadata().withName("large").withNamespace("shop").endMetadata();
    // Over the 16 KiB limit even after each value became a 77-character HMAC.
    for (int i = 0; i < 400; i++) {
      secret.addToData("key-" + i, base64(value + "-" + i));
    }
    return secret.addToStringData("plain", value).build();
  }

  /** Every record of a topic from the beginning: keys, values and headers, concatenated. */
  private byte[] everything(Topic<?, ?> topic) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    TopicProbe<byte[], byte[]> probe =
        harness.open(
            TopicProbe.open(
                harness.kafka().bootstrapServers(),
                topic.name(),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer()));
    for (ConsumerRecord<byte[], byte[]> record : probe.drain(Duration.ofSeconds(2))) {
      all.writeBytes(record.key() == null ? new byte[0] : record.key());
      all.writeBytes(record.value() == null ? new byte[0] : record.value());
      for (Header header : record.headers()) {
        all.writeBytes(header.key().getBytes(StandardCharsets.UTF_8));
        all.writeBytes(header.value() == null ? new byte[0] : header.value());
      }
    }
    return all.toByteArray();
  }

  private static byte[] meters(SimpleMeterRegistry registry) {
    StringBuilder text = new StringBuilder();
    registry.getMeters().forEach(meter -> text.append(meter.getId()).append('\n'));
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The value as it could leak: raw, base64 (padded, unpadded, URL-safe) and hex. */
  private static List<String> forms(String value) {
    byte[] raw = value.getBytes(StandardCharsets.UTF_8);
    List<String> forms = new ArrayList<>();
    forms.add(value);
    forms.add(Base64.getEncoder().encodeToString(raw));
    forms.add(Base64.getEncoder().withoutPadding().encodeToString(raw));
    forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(raw));
    forms.add(HexFormat.of().formatHex(raw));
    return forms;
  }

  private static String planted(String where) {
    return "planted-" + where + "-" + UUID.randomUUID();
  }

  private static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
