package io.driftwatch.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AlertSinkConfigTest {

  @Test
  void defaultsListenOnEveryInterfaceOnPort9400() {
    AlertSinkConfig config = AlertSinkConfig.defaults();

    assertThat(config.bindAddress()).isEqualTo("0.0.0.0");
    assertThat(config.port()).isEqualTo(9400);
    assertThat(config.socketAddress().getPort()).isEqualTo(9400);
  }

  @Test
  void portOutOfRangeIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> new AlertSinkConfig("0.0.0.0", 70000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("port");
  }
}
