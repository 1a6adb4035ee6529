package io.driftwatch.diff.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.diff.Yaml;
import org.junit.jupiter.api.Test;

class EmptyValueNormalizerTest {

  @Test
  void emptyMapsListsAndStringsAreRemovedBottomUp() {
    ObjectNode manifest =
        Yaml.object(
            """
            metadata: {name: a, labels: {}, annotations: {note: ""}}
            spec:
              template:
                spec:
                  securityContext: {}
                  containers:
                  - name: web
                    args: []
                    resources: {limits: {}, requests: {}}
            """);

    EmptyValueNormalizer.normalizeLive(manifest);

    assertThat(manifest)
        .isEqualTo(
            Yaml.object(
                """
                metadata: {name: a}
                spec:
                  template:
                    spec:
                      containers:
                      - name: web
                """));
  }

  @Test
  void listItemsAreNeverRemovedSoPositionsHold() {
    ObjectNode manifest = Yaml.object("{args: ['', x, {}], items: [{a: ''}]}");

    EmptyValueNormalizer.normalizeLive(manifest);

    assertThat(manifest).isEqualTo(Yaml.object("{args: ['', x, {}], items: [{}]}"));
  }

  @Test
  void desiredKeepsExplicitNullsAndLiveDropsThem() {
    ObjectNode desired = Yaml.object("{spec: {replicas: null, paused: false}}");
    ObjectNode live = Yaml.object("{spec: {replicas: null, paused: false}}");

    EmptyValueNormalizer.normalizeDesired(desired);
    EmptyValueNormalizer.normalizeLive(live);

    assertThat(desired).isEqualTo(Yaml.object("{spec: {replicas: null, paused: false}}"));
    assertThat(live).isEqualTo(Yaml.object("{spec: {paused: false}}"));
  }

  @Test
  void zeroAndFalseAreValuesNotEmptiness() {
    ObjectNode manifest = Yaml.object("{a: 0, b: false, c: ' '}");

    EmptyValueNormalizer.normalizeLive(manifest);

    assertThat(manifest).isEqualTo(Yaml.object("{a: 0, b: false, c: ' '}"));
  }
}
