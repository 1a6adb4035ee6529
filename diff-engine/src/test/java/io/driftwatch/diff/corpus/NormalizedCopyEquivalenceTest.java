package io.driftwatch.diff.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.diff.YamlText;
import io.driftwatch.diff.normalize.EmptyValueNormalizer;
import io.driftwatch.diff.normalize.NormalizedCopy;
import io.driftwatch.diff.normalize.QuantityNormalizer;
import io.driftwatch.diff.normalize.ServerMetadataNormalizer;
import io.driftwatch.diff.schema.BuiltinSchemas;
import io.driftwatch.diff.schema.SchemaNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The one-pass {@link NormalizedCopy} must build exactly what the three normalisers build one after
 * the other (node types included: a quantity must become a QuantityNode in both), on every fixture
 * document, on their defaulted forms and on hand-written edge cases.
 */
class NormalizedCopyEquivalenceTest {

  @Test
  void onePassCopyEqualsTheStepsOnEveryFixtureDocument() {
    for (FixtureCase c : FixtureCase.all()) {
      for (ObjectNode manifest : new ObjectNode[] {c.desired(), c.live()}) {
        if (manifest != null) {
          assertSameOnBothSides(manifest, c.name());
        }
      }
    }
  }

  @Test
  void onePassCopyEqualsTheStepsOnDefaultedDocuments() {
    Random random = new Random(42);
    for (FixtureCase c : FixtureCase.all()) {
      if (c.desired() != null) {
        ObjectNode live = c.desired().deepCopy();
        ManifestMutations.addLiveOnlyFields(live, random, new ArrayList<>());
        assertSameOnBothSides(live, c.name() + " defaulted");
      }
    }
  }

  @Test
  void onePassCopyEqualsTheStepsOnEdgeCases() {
    ObjectNode manifest =
        YamlText.object(
            """
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: edge
              creationTimestamp: "2026-01-01T00:00:00Z"
              annotations: {deployment.kubernetes.io/revision: "2"}
              labels: {empty: "", nothing: null}
              ownerReferences: [{}, {name: ""}]
            spec:
              empty: {}
              nested: {a: {b: ""}, c: [], d: null}
              list: ["", null, {}, [], {metadata: {creationTimestamp: null}}]
              jobTemplate:
                metadata: {creationTimestamp: null, labels: {a: b}}
                spec:
                  template:
                    metadata: {creationTimestamp: "x"}
                    spec:
                      containers:
                        - name: app
                          resources:
                            limits: {cpu: 1000m, memory: 1, gpu: "", odd: {x: 1}}
                            requests: {cpu: null, memory: not-a-quantity}
            status: {active: []}
            """);
    assertSameOnBothSides(manifest, "edge cases");
    ObjectNode metadataNotObject = YamlText.object("{kind: Pod, metadata: [{metadata: {a: 1}}]}");
    assertSameOnBothSides(metadataNotObject, "metadata not an object");
  }

  private static void assertSameOnBothSides(ObjectNode manifest, String what) {
    SchemaNode schema = BuiltinSchemas.forManifest(manifest);
    String before = manifest.toString();

    ObjectNode desiredSteps = ServerMetadataNormalizer.normalizedCopy(manifest);
    EmptyValueNormalizer.normalizeDesired(desiredSteps);
    QuantityNormalizer.normalize(desiredSteps, schema);
    assertThat(describe(NormalizedCopy.ofDesired(manifest, schema)))
        .as("desired side of %s", what)
        .isEqualTo(describe(desiredSteps));

    ObjectNode liveSteps = ServerMetadataNormalizer.normalizedCopy(manifest);
    EmptyValueNormalizer.normalizeLive(liveSteps);
    QuantityNormalizer.normalize(liveSteps, schema);
    assertThat(describe(NormalizedCopy.ofLive(manifest, schema)))
        .as("live side of %s", what)
        .isEqualTo(describe(liveSteps));

    assertThat(manifest.toString()).as("input of %s untouched", what).isEqualTo(before);
  }

  /** The tree as text with each node's class, so that a TextNode and a QuantityNode differ. */
  private static List<String> describe(JsonNode node) {
    List<String> out = new ArrayList<>();
    describe(node, "", out);
    return out;
  }

  private static void describe(JsonNode node, String pointer, List<String> out) {
    out.add(
        pointer
            + " "
            + node.getClass().getSimpleName()
            + " "
            + (node.isContainerNode() ? "" : node));
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        describe(field.getValue(), pointer + "/" + field.getKey(), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        describe(node.get(i), pointer + "/" + i, out);
      }
    }
  }
}
