package io.driftwatch.ingest.git.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.ingest.git.render.BoundedYamlReader;
import io.driftwatch.ingest.git.render.YamlLimits;
import io.driftwatch.model.serde.Json;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ContentHashTest {

  /**
   * Hashes published before must not change: a resumed ingest-git compares the hashes of what it
   * renders with those of what it reads back, and a changed function would republish everything.
   */
  @Test
  void theHashOfAManifestIsTheOneEarlierVersionsComputed() throws Exception {
    JsonNode deployment =
        Json.mapper()
            .readTree(
                "{\"metadata\":{\"name\":\"web\",\"labels\":{\"b\":\"2\",\"a\":\"1\"}},"
                    + "\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"spec\":{\"replicas\":3,"
                    + "\"big\":12345678901234,\"huge\":123456789012345678901234567890,"
                    + "\"ratio\":0.25,\"exact\":1.10,\"on\":true,\"none\":null,\"empty\":{},"
                    + "\"list\":[],\"text\":\"caf\\u00e9 \\\"quoted\\\" \\n line\",\"containers\":"
                    + "[{\"name\":\"app\",\"image\":\"nginx:1.27\",\"env\":[{\"value\":\"x\","
                    + "\"name\":\"A\"}]}]}}");
    ObjectNode widget = Json.mapper().createObjectNode();
    widget.put("kind", "Widget");
    widget.put("decimal", new BigDecimal("1.10"));
    widget.put("float", 0.5f);
    widget.put("long", 1L << 40);
    widget.put("short", (short) 7);
    widget.put("binary", new byte[] {1, 2, 3, (byte) 255});
    widget
        .putArray("mixed")
        .add(1)
        .add("two")
        .addNull()
        .add(false)
        .addObject()
        .put("z", 1)
        .put("a", 2);

    assertThat(ContentHash.of("deploy/web.yaml", deployment))
        .isEqualTo("b51b58c7c1dffc09c52ca90f80e95171abbf598f689c2c908ab8ca58bb812443");
    assertThat(ContentHash.of("w.yaml", widget))
        .isEqualTo("3616ac3294d0c499e96da53653310c7ff48e11fefa90356354457d0ce0efc0d6");
  }

  @Test
  void everyObjectOfTheParityGoldensHashesAsTheSortedJsonDocument() throws Exception {
    BoundedYamlReader reader = new BoundedYamlReader(YamlLimits.DEFAULTS);
    List<Path> goldens;
    try (Stream<Path> files = Files.walk(Path.of("src/test/resources/kustomize-parity"))) {
      goldens = files.filter(p -> p.getFileName().toString().equals("expected.yaml")).toList();
    }
    int objects = 0;
    for (Path golden : goldens) {
      for (JsonNode object : reader.read(Files.readAllBytes(golden))) {
        if (object != null && !object.isNull()) {
          assertThat(ContentHash.of("p.yaml", object))
              .as("%s: %s", golden, object)
              .isEqualTo(sortedJsonHash("p.yaml", object));
          objects++;
        }
      }
    }
    assertThat(objects).isGreaterThan(100);
  }

  @Test
  void reorderedKeysAndAnotherPathAreTheSameAndADifferentHash() throws Exception {
    JsonNode a =
        Json.mapper().readTree("{\"kind\":\"ConfigMap\",\"data\":{\"x\":\"1\",\"y\":\"2\"}}");
    JsonNode b =
        Json.mapper().readTree("{\"data\":{\"y\":\"2\",\"x\":\"1\"},\"kind\":\"ConfigMap\"}");

    assertThat(ContentHash.of("a.yaml", a)).isEqualTo(ContentHash.of("a.yaml", b));
    assertThat(ContentHash.of("a.yaml", a)).isNotEqualTo(ContentHash.of("b.yaml", a));
  }

  /** The definition: SHA-256 of path, a zero byte, and the JSON of a key-sorted copy. */
  private static String sortedJsonHash(String path, JsonNode manifest) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    digest.update(path.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
    digest.update(Json.mapper().writeValueAsBytes(sorted(manifest)));
    return HexFormat.of().formatHex(digest.digest());
  }

  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      Collections.sort(names);
      ObjectNode out = Json.mapper().createObjectNode();
      names.forEach(name -> out.set(name, sorted(node.get(name))));
      return out;
    }
    if (node.isArray()) {
      var out = Json.mapper().createArrayNode();
      node.forEach(item -> out.add(sorted(item)));
      return out;
    }
    return node;
  }
}
