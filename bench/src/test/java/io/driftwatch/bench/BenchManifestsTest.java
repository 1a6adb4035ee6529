package io.driftwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

class BenchManifestsTest {

  @Test
  void theCustomResourceIsAboutFiveThousandLinesOfYaml() throws Exception {
    long lines =
        new YAMLMapper()
            .writeValueAsString(BenchManifests.customResource().desired())
            .lines()
            .count();

    assertThat(lines).isBetween(4_500L, 5_500L);
  }

  @Test
  void theDocumentsAreTheSameOnEveryRun() {
    assertThat(BenchManifests.customResource()).isEqualTo(BenchManifests.customResource());
    assertThat(BenchManifests.envList(1000)).isEqualTo(BenchManifests.envList(1000));
    assertThat(BenchManifests.deployment()).isEqualTo(BenchManifests.deployment());
  }

  @Test
  void theEnvListHasItsItemsInReverseOrderLive() {
    BenchManifests.Pair pair = BenchManifests.envList(1000);

    assertThat(pair.desired().at("/spec/template/spec/containers/0/env")).hasSize(1000);
    assertThat(pair.desired().at("/spec/template/spec/containers/0/env/0/name").asText())
        .isEqualTo("VAR_1");
    assertThat(pair.live().at("/spec/template/spec/containers/0/env/0/name").asText())
        .isEqualTo("VAR_1000");
    assertThat(pair.live().at("/metadata/managedFields/0/fieldsV1").toString())
        .contains("k:{\\\"name\\\":\\\"VAR_1000\\\"}");
  }

  @Test
  void everyLiveDocumentCarriesWhatTheApiServerAdds() {
    for (BenchManifests.Pair pair :
        new BenchManifests.Pair[] {
          BenchManifests.configMap(),
          BenchManifests.deployment(),
          BenchManifests.customResource(),
          BenchManifests.envList(10)
        }) {
      assertThat(pair.live().at("/metadata/managedFields").size()).isPositive();
      assertThat(pair.live().at("/metadata/uid").asText()).isNotEmpty();
      assertThat(pair.live().has("status")).isTrue();
      assertThat(pair.desired().has("status")).isFalse();
      assertThat(pair.liveJson().length).isPositive();
    }
  }
}
