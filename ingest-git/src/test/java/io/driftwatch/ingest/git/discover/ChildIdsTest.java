package io.driftwatch.ingest.git.discover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChildIdsTest {

  private static final String VALID = "[a-z0-9]([a-z0-9._-]{0,61}[a-z0-9])?";

  @Test
  void idsAreReadableAndValidSourceIds() {
    assertThat(ChildIds.flux("fleet", "flux-system", "apps")).isEqualTo("fleet.flux-system.apps");
    assertThat(ChildIds.argo("fleet", "web")).isEqualTo("fleet.argo.web");
    assertThat(ChildIds.argo("fleet", "web", 2)).isEqualTo("fleet.argo.web.2");
  }

  @Test
  void aLongIdIsShortenedWithAHashThatKeepsItUnique() {
    String name = "a-very-long-kustomization-name-that-goes-on-and-on-and-on";
    String one = ChildIds.flux("production-fleet", "flux-system", name + "-one");
    String two = ChildIds.flux("production-fleet", "flux-system", name + "-two");

    assertThat(one).hasSizeLessThanOrEqualTo(63).matches(VALID);
    assertThat(two).hasSizeLessThanOrEqualTo(63).matches(VALID);
    assertThat(one).isNotEqualTo(two).startsWith("production-fleet.flux-system.a-very-long");
    assertThat(ChildIds.flux("production-fleet", "flux-system", name + "-one")).isEqualTo(one);
  }

  @Test
  void goDurationsAsFluxWritesThem() {
    assertThat(GoDuration.parse("1m")).isEqualTo(Duration.ofMinutes(1));
    assertThat(GoDuration.parse("5m0s")).isEqualTo(Duration.ofMinutes(5));
    assertThat(GoDuration.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(GoDuration.parse("1.5h")).isEqualTo(Duration.ofMinutes(90));
    assertThat(GoDuration.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(GoDuration.parse("10")).isNull();
    assertThat(GoDuration.parse("5 minutes")).isNull();
    assertThat(GoDuration.parse(null)).isNull();
  }
}
