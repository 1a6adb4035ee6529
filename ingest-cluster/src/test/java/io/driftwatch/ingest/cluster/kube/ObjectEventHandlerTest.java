package io.driftwatch.ingest.cluster.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.ingest.cluster.normalize.LiveStateNormalizer;
import io.driftwatch.ingest.cluster.publish.LiveStatePublisher;
import io.driftwatch.ingest.cluster.testing.Fixtures;
import io.driftwatch.ingest.cluster.testing.RecordingSink;
import io.driftwatch.model.LiveState;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.topic.Topics;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The handler as fabric8's informer drives it: the store is updated first, then the handler gets
 * the new object and, for an update or an inferred deletion, what the store gave back (a stub).
 */
class ObjectEventHandlerTest {

  private static final ResourceKey WEB = ResourceKey.of("prod", "v1", "ConfigMap", "shop", "web");

  private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T09:30:00Z"), ZoneOffset.UTC);
  private final RecordingSink sink = new RecordingSink();
  private final KnownObjectStore store = new KnownObjectStore("v1", "ConfigMap");
  private final List<String> lists = new ArrayList<>();
  private final ObjectEventHandler handler =
      new ObjectEventHandler(
          "prod",
          new KubernetesSerialization(),
          new LiveStatePublisher(
              "prod", new LiveStateNormalizer(Fixtures.redactor(), clock), sink, clock),
          store,
          new ObjectEventHandler.Lists() {
            @Override
            public void relistStarted() {
              lists.add("relist");
            }

            @Override
            public void listed(String resourceVersion, boolean first) {
              lists.add((first ? "first list at " : "re-list at ") + resourceVersion);
            }
          });

  @Test
  void anUpdateThatOnlyMovesServerSetFieldsIsNotPublishedAndARealChangeIs() {
    add(configMap("1", "blue", "kubectl-client-side-apply", null));
    update(configMap("2", "blue", "kubectl-edit", "{\"data\":{}}"));
    update(configMap("3", "green", "kubectl-edit", "{\"data\":{}}"));

    assertThat(live())
        .extracting(state -> state.manifest().path("data").path("colour").asText())
        .containsExactly("blue", "green");
    assertThat(live()).extracting(LiveState::resourceVersion).containsExactly("1", "3");
  }

  @Test
  void anUpdateThatOnlySetsTheDeletionTimestampIsPublishedWithIt() {
    add(configMap("1", "blue", "kubectl", null));
    GenericKubernetesResource deleting = configMap("2", "blue", "kubectl", null);
    deleting.getMetadata().setDeletionTimestamp("2026-11-26T09:31:00Z");
    deleting.getMetadata().setFinalizers(List.of("example.com/cleanup"));
    update(deleting);

    assertThat(live()).extracting(LiveState::resourceVersion).containsExactly("1", "2");
    assertThat(live().get(1).deletionTimestamp()).isEqualTo(Instant.parse("2026-11-26T09:31:00Z"));
    assertThat(live().get(1).manifest().path("metadata").has("deletionTimestamp")).isFalse();
  }

  @Test
  void aDeletionInferredFromARelistTombstonesTheObjectTheStubNames() {
    add(configMap("1", "blue", "kubectl", null));

    GenericKubernetesResource stub = store.remove("shop/web");
    handler.onDelete(stub, true);

    assertThat(sink.on(Topics.LIVE_STATE))
        .extracting(RecordingSink.Sent::key, RecordingSink.Sent::value)
        .last()
        .satisfies(
            keyAndValue -> {
              assertThat(keyAndValue.toList().get(0)).isEqualTo(WEB);
              assertThat(keyAndValue.toList().get(1)).isNull();
            });
  }

  @Test
  void anObjectDeletedAndCreatedAgainWithTheSameContentIsPublishedAgain() {
    GenericKubernetesResource blue = configMap("1", "blue", "kubectl", null);
    add(blue);
    handler.onDelete(store.remove("shop/web"), false);
    add(configMap("5", "blue", "kubectl", null));

    assertThat(sink.on(Topics.LIVE_STATE))
        .extracting(sent -> sent.value() == null ? "tombstone" : "live state")
        .containsExactly("live state", "tombstone", "live state");
  }

  @Test
  void everyListAfterTheFirstIsARelist() {
    handler.onBeforeList(null);
    handler.onList("5", false);
    handler.onBeforeList("9");
    handler.onList("12", false);

    assertThat(lists).containsExactly("first list at 5", "relist", "re-list at 12");
  }

  private void add(GenericKubernetesResource object) {
    assertThat(store.put(store.getKey(object), object)).isNull();
    handler.onAdd(object);
  }

  private void update(GenericKubernetesResource object) {
    GenericKubernetesResource stub = store.put(store.getKey(object), object);
    handler.onUpdate(stub, object);
  }

  private List<LiveState> live() {
    return sink.on(Topics.LIVE_STATE).stream().map(sent -> (LiveState) sent.value()).toList();
  }

  private static GenericKubernetesResource configMap(
      String resourceVersion, String colour, String manager, String lastApplied) {
    GenericKubernetesResourceBuilder builder =
        new GenericKubernetesResourceBuilder()
            .withApiVersion("v1")
            .withKind("ConfigMap")
            .withNewMetadata()
            .withNamespace("shop")
            .withName("web")
            .withResourceVersion(resourceVersion)
            .withManagedFields(
                new ManagedFieldsEntryBuilder()
                    .withManager(manager)
                    .withOperation("Update")
                    .withApiVersion("v1")
                    .build())
            .endMetadata()
            .withAdditionalProperties(Map.of("data", Map.of("colour", colour)));
    if (lastApplied != null) {
      builder
          .editMetadata()
          .addToAnnotations("kubectl.kubernetes.io/last-applied-configuration", lastApplied)
          .endMetadata();
    }
    return builder.build();
  }
}
