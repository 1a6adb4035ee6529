package io.driftwatch.ingest.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GitSourceConfigTest {

  @ParameterizedTest
  @CsvSource({
    "'',''",
    "'.',''",
    "'./',''",
    "'/',''",
    "apps,apps",
    "./apps/,apps",
    "/apps/prod/,apps/prod",
    "apps/.,apps"
  })
  void pathIsNormalisedToARepositoryRelativeDirectory(String written, String normalised) {
    assertThat(
            new GitSourceConfig(
                    "s", "/r", "main", written, "c", "default", Duration.ofSeconds(5), null)
                .path())
        .isEqualTo(normalised);
  }

  @Test
  void missingOptionalFieldsTakeTheirDefaults() {
    GitSourceConfig source = new GitSourceConfig("s", "/r", null, null, "c", null, null, null);

    assertThat(source.ref()).isEqualTo("main");
    assertThat(source.path()).isEmpty();
    assertThat(source.defaultNamespace()).isEqualTo("default");
    assertThat(source.pollInterval()).isEqualTo(Duration.ofMinutes(1));
  }
}
