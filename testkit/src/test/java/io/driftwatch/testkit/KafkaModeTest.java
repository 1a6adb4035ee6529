package io.driftwatch.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class KafkaModeTest {

  private static final BooleanSupplier DOCKER = () -> true;
  private static final BooleanSupplier NO_DOCKER = () -> false;
  private static final BooleanSupplier MUST_NOT_ASK =
      () -> {
        throw new AssertionError("Docker must not be probed in this mode");
      };

  @Test
  void absentOrBlankPropertyMeansAuto() {
    assertThat(KafkaMode.parse(null)).isEqualTo(KafkaMode.AUTO);
    assertThat(KafkaMode.parse(" ")).isEqualTo(KafkaMode.AUTO);
  }

  @Test
  void modeNamesAreCaseInsensitiveAndTrimmed() {
    assertThat(KafkaMode.parse(" Embedded ")).isEqualTo(KafkaMode.EMBEDDED);
    assertThat(KafkaMode.parse("CONTAINER")).isEqualTo(KafkaMode.CONTAINER);
  }

  @Test
  void unknownModeNamesThePropertyAndTheValidValues() {
    assertThatThrownBy(() -> KafkaMode.parse("docker"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("driftwatch.test.kafka=docker")
        .hasMessageContaining("auto")
        .hasMessageContaining("embedded")
        .hasMessageContaining("container");
  }

  @Test
  void autoPicksTheContainerWhenDockerIsAvailable() {
    KafkaMode.Choice choice = KafkaMode.AUTO.choose(DOCKER);

    assertThat(choice.container()).isTrue();
    assertThat(choice.reason()).contains("Docker is available");
  }

  @Test
  void autoFallsBackToTheInProcessBrokerWithoutDockerAndSaysWhy() {
    KafkaMode.Choice choice = KafkaMode.AUTO.choose(NO_DOCKER);

    assertThat(choice.container()).isFalse();
    assertThat(choice.reason()).contains("Docker is not available");
  }

  @Test
  void embeddedNeverProbesDocker() {
    assertThat(KafkaMode.EMBEDDED.choose(MUST_NOT_ASK).container()).isFalse();
  }

  @Test
  void containerWithoutDockerFailsNamingTheAlternatives() {
    assertThatThrownBy(() -> KafkaMode.CONTAINER.choose(NO_DOCKER))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("needs a running Docker engine")
        .hasMessageContaining("driftwatch.test.kafka=embedded");
  }

  @Test
  void containerWithDockerPicksTheContainer() {
    assertThat(KafkaMode.CONTAINER.choose(DOCKER).container()).isTrue();
  }
}
