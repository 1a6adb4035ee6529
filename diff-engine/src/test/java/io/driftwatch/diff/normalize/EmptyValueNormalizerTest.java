package io.driftwatch.diff.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.diff.YamlText;
import org.junit.jupiter.api.Test;

class EmptyValueNormalizerTest {

  @Test
  void emptyMapsListsAndStringsAreRemovedBottomUp() {
    ObjectNode manifest =
        YamlText.object(
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
            YamlText.object(
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
    ObjectNode manifest = YamlText.object("{args: ['', x, {}], items: [{a: ''}]}");

    EmptyValueNormalizer.normalizeLive(manifest);

    assertThat(manifest).isEqualTo(YamlText.object("{args: ['', x, {}], items: [{}]}"));
  }

  @Test
  void desiredKeepsExplicitNullsAndLiveDropsThem() {
    ObjectNode desired = YamlText.object("{spec: {replicas: null, paused: false}}");
    ObjectNode live = YamlText.object("{spec: {replicas: null, paused: false}}");

    EmptyValueNormalizer.normalizeDesired(desired);
    EmptyValueNormalizer.normalizeLive(live);

    assertThat(desired).isEqualTo(YamlText.object("{spec: {replicas: null, paused: false}}"));
    assertThat(live).isEqualTo(YamlText.object("{spec: {paused: false}}"));
  }

  @Test
  void zeroAndFalseAreValuesNotEmptiness() {
    ObjectNode manifest = YamlText.object("{a: 0, b: false, c: ' '}");

    EmptyValueNormalizer.normalizeLive(manifest);

    assertThat(manifest).isEqualTo(YamlText.object("{a: 0, b: false, c: ' '}"));
  }
}
