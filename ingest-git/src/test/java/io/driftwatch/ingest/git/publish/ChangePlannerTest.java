package io.driftwatch.ingest.git.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.ingest.git.render.DesiredSet;
import io.driftwatch.ingest.git.render.RenderError;
import io.driftwatch.ingest.git.render.RenderedManifest;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.serde.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangePlannerTest {

  private static final ResourceKey A = new ResourceKey("c", "", "ConfigMap", "ns", "a");
  private static final ResourceKey B = new ResourceKey("c", "", "ConfigMap", "ns", "b");
  private static final ResourceKey C = new ResourceKey("c", "", "ConfigMap", "ns", "c");

  private static ObjectNode manifest(String json) {
    try {
      return (ObjectNode) Json.mapper().readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<ResourceKey, PublishedObject> published(Object... keyPathJson) {
    Map<ResourceKey, PublishedObject> out = new LinkedHashMap<>();
    for (int i = 0; i < keyPathJson.length; i += 3) {
      String path = (String) keyPathJson[i + 1];
      out.put(
          (ResourceKey) keyPathJson[i],
          new PublishedObject(ContentHash.of(path, manifest((String) keyPathJson[i + 2])), path));
    }
    return out;
  }

  private static DesiredSet desired(List<RenderError> errors, Object... keyPathJson) {
    Map<ResourceKey, RenderedManifest> objects = new LinkedHashMap<>();
    for (int i = 0; i < keyPathJson.length; i += 3) {
      objects.put(
          (ResourceKey) keyPathJson[i],
          new RenderedManifest((String) keyPathJson[i + 1], manifest((String) keyPathJson[i + 2])));
    }
    return new DesiredSet(objects, errors);
  }

  @Test
  void unchangedObjectsAreNotRepublishedEvenWhenTheirKeysAreReordered() {
    var before =
        published(A, "a.yaml", "{\"kind\":\"ConfigMap\",\"data\":{\"x\":\"1\",\"y\":\"2\"}}");

    ChangePlan plan =
        ChangePlanner.plan(
            before,
            desired(
                List.of(),
                A,
                "a.yaml",
                "{\"data\":{\"y\":\"2\",\"x\":\"1\"},\"kind\":\"ConfigMap\"}"));

    assertThat(plan.upserts()).isEmpty();
    assertThat(plan.tombstones()).isEmpty();
    assertThat(plan.next()).isEqualTo(before);
  }

  @Test
  void changedAndNewObjectsArePublishedAndRemovedOnesBecomeTombstones() {
    var before =
        published(A, "a.yaml", "{\"data\":{\"x\":\"1\"}}", B, "b.yaml", "{\"data\":{\"x\":\"1\"}}");

    ChangePlan plan =
        ChangePlanner.plan(
            before,
            desired(
                List.of(),
                A,
                "a.yaml",
                "{\"data\":{\"x\":\"2\"}}",
                C,
                "c.yaml",
                "{\"data\":{\"x\":\"1\"}}"));

    assertThat(plan.upserts().keySet()).containsExactly(A, C);
    assertThat(plan.tombstones()).containsExactly(B);
    assertThat(plan.next().keySet()).containsExactlyInAnyOrder(A, C);
  }

  @Test
  void movingAnObjectToAnotherFileRepublishesItWithItsNewPath() {
    var before = published(A, "old.yaml", "{\"data\":{}}");

    ChangePlan plan =
        ChangePlanner.plan(before, desired(List.of(), A, "new.yaml", "{\"data\":{}}"));

    assertThat(plan.upserts().keySet()).containsExactly(A);
    assertThat(plan.next().get(A).path()).isEqualTo("new.yaml");
  }

  @Test
  void objectsOfAFileThatFailedToRenderAreKeptNotTombstoned() {
    var before = published(A, "broken.yaml", "{\"data\":{}}", B, "removed.yaml", "{\"data\":{}}");

    ChangePlan plan =
        ChangePlanner.plan(
            before, desired(List.of(new RenderError("broken.yaml", "invalid YAML"))));

    assertThat(plan.tombstones()).containsExactly(B);
    assertThat(plan.retained()).containsExactly(A);
    assertThat(plan.next()).containsOnlyKeys(A);
  }
}
