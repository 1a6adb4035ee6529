package io.driftwatch.ingest.cluster.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.model.LiveState;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.topic.Topics;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LiveStateSizeLimitTest {

  private static final ResourceKey KEY = ResourceKey.parse("prod//ConfigMap/shop/bundle");
  private static final ResourceKey OWNER =
      ResourceKey.parse("prod/kustomize.toolkit.fluxcd.io/Kustomization/flux-system/apps");

  private final LiveStateSizeLimit limit = new LiveStateSizeLimit(4096);

  @Test
  void liveStateWithinTheLimitIsPublishedAsItIs() {
    LiveState live = configMap(1000);

    LiveStateSizeLimit.Bounded bounded = limit.bound(live);

    assertThat(bounded.truncated()).isFalse();
    assertThat(bounded.published()).isSameAs(live);
    assertThat(bounded.bytes()).isEqualTo(serialised(live)).isLessThanOrEqualTo(4096);
  }

  @Test
  void liveStateOverTheLimitBecomesAStubThatKeepsItsIdentityAndSaysHowBigItWas() {
    LiveState live = configMap(10_000);
    long size = serialised(live);

    LiveStateSizeLimit.Bounded bounded = limit.bound(live);

    assertThat(bounded.truncated()).isTrue();
    assertThat(bounded.bytes()).isEqualTo(size).isGreaterThan(4096);
    LiveState stub = bounded.published();
    assertThat(serialised(stub)).isLessThanOrEqualTo(4096);
    assertThat(stub.key()).isEqualTo(KEY);
    assertThat(stub.resourceVersion()).isEqualTo("42");
    assertThat(stub.managedBy()).isEqualTo(OWNER);
    assertThat(stub.generation()).isEqualTo(7L);
    assertThat(stub.status()).isNull();
    assertThat(stub.managedFields()).isNull();
    assertThat(stub.manifest().fieldNames())
        .toIterable()
        .containsExactly("apiVersion", "kind", "metadata");
    assertThat(stub.manifest().path("metadata").path("labels").path("app").asText())
        .isEqualTo("shop");
    assertThat(
            stub.manifest()
                .path("metadata")
                .path("annotations")
                .path(LiveState.TRUNCATED_ANNOTATION)
                .asText())
        .isEqualTo(size + " bytes");
    assertThat(stub.manifest().path("metadata").path("annotations").size()).isEqualTo(1);
  }

  @Test
  void labelsThatAloneExceedTheLimitAreDroppedFromTheStub() {
    LiveState live = configMap(10);
    ObjectNode labels = live.manifest().withObject("metadata").withObject("labels");
    for (int i = 0; i < 200; i++) {
      labels.put("label-" + i, "value-" + i);
    }

    LiveState stub = limit.bound(live).published();

    assertThat(serialised(stub)).isLessThanOrEqualTo(4096);
    assertThat(stub.manifest().path("metadata").has("labels")).isFalse();
    assertThat(stub.manifest().path("metadata").path("name").asText()).isEqualTo("bundle");
  }

  @Test
  void limitBelowOneKibibyteIsRefused() {
    assertThatThrownBy(() -> new LiveStateSizeLimit(100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1024");
  }

  private static LiveState configMap(int dataChars) {
    ObjectNode manifest = JsonNodeFactory.instance.objectNode();
    manifest.put("apiVersion", "v1").put("kind", "ConfigMap");
    ObjectNode metadata = manifest.putObject("metadata");
    metadata.put("name", "bundle").put("namespace", "shop");
    metadata.putObject("labels").put("app", "shop");
    metadata.putObject("annotations").put("team", "payments");
    manifest.putObject("data").put("bundle.js", "x".repeat(dataChars));
    ObjectNode status = JsonNodeFactory.instance.objectNode().put("phase", "Active");
    ArrayNode managedFields = JsonNodeFactory.instance.arrayNode();
    managedFields.addObject().put("manager", "kustomize-controller");
    return new LiveState(
        LiveState.SCHEMA_VERSION,
        KEY,
        "42",
        Instant.parse("2026-11-26T09:30:00Z"),
        manifest,
        status,
        managedFields,
        OWNER,
        7L,
        null);
  }

  private static long serialised(LiveState live) {
    return Topics.LIVE_STATE
        .valueSerde()
        .serializer()
        .serialize(Topics.LIVE_STATE.name(), live)
        .length;
  }
}
