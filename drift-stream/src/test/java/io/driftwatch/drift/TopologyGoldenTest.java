package io.driftwatch.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The topology's description is committed, so that a renamed or added node, store or internal topic
 * shows up in review: a changed name orphans state on upgrade.
 */
class TopologyGoldenTest {

  private static final Path GOLDEN = Path.of("src/test/resources/topology.txt");
  private static final String UPDATE_PROPERTY = "driftwatch.golden.update";

  @Test
  void topologyMatchesCommittedDescription() throws IOException {
    String actual =
        DriftTopology.build(DriftStreamConfig.defaults(Path.of("unused"))).describe().toString();
    if (Boolean.getBoolean(UPDATE_PROPERTY)) {
      Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
    }

    String expected = Files.readString(GOLDEN, StandardCharsets.UTF_8);

    assertThat(actual)
        .as(
            "The topology changed. If the change is intended (mind that renamed stores and internal"
                + " topics lose their state on upgrade), regenerate %s with:"
                + " ./mvnw -o -q -pl drift-stream verify -D%s=true",
            GOLDEN, UPDATE_PROPERTY)
        .isEqualTo(expected);
  }
}
