package io.driftwatch.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeneratedConfigMapsTest {

  @Test
  void aConfigMapIsAboutOneAndAHalfKilobytesOfJsonAsTheApiServerWritesIt() throws Exception {
    String json = GeneratedConfigMaps.configMap(42, 0, 4711);
    JsonNode configMap = new ObjectMapper().readTree(json);

    assertThat(json.getBytes(StandardCharsets.UTF_8).length).isBetween(1_400, 1_700);
    assertThat(configMap.path("metadata").path("name").asText()).isEqualTo("settings-svc-00042");
    assertThat(configMap.path("metadata").path("resourceVersion").asText()).isEqualTo("4711");
    assertThat(configMap.path("metadata").path("managedFields")).hasSize(1);
    assertThat(configMap.path("data")).hasSize(5);
  }

  @Test
  void aPagedListHoldsEveryObjectOnce() {
    try (GeneratedConfigMaps configMaps = GeneratedConfigMaps.start(1_200);
        KubernetesClient client = configMaps.newClient()) {
      List<String> names = new ArrayList<>();
      String next = null;
      do {
        ConfigMapList page =
            client
                .configMaps()
                .inNamespace(GeneratedConfigMaps.NAMESPACE)
                .list(
                    new io.fabric8.kubernetes.api.model.ListOptionsBuilder()
                        .withLimit(500L)
                        .withContinue(next)
                        .build());
        page.getItems().stream().map(ConfigMap::getMetadata).forEach(m -> names.add(m.getName()));
        next = page.getMetadata().getContinue();
      } while (next != null && !next.isEmpty());

      assertThat(names).hasSize(1_200).doesNotHaveDuplicates();
    }
  }
}
