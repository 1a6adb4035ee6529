package io.driftwatch.drift.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

class ApplicationServerTest {

  @Test
  void setsApplicationServerAndReturnsTheInstanceAsTheGroupWillReportIt() {
    Properties props = new Properties();

    HostInfo self = ApplicationServer.configure(props, "drift-stream-0.drift-stream", 9400);

    assertThat(props.get(StreamsConfig.APPLICATION_SERVER_CONFIG))
        .isEqualTo("drift-stream-0.drift-stream:9400");
    assertThat(self).isEqualTo(new HostInfo("drift-stream-0.drift-stream", 9400));
    assertThat(
            new StreamsConfig(withRequired(props))
                .getString(StreamsConfig.APPLICATION_SERVER_CONFIG))
        .isEqualTo("drift-stream-0.drift-stream:9400");
  }

  @Test
  void anIpv6LiteralIsBracketed() {
    Properties props = new Properties();

    HostInfo self = ApplicationServer.configure(props, "fd00::17", 9400);

    assertThat(props.get(StreamsConfig.APPLICATION_SERVER_CONFIG)).isEqualTo("[fd00::17]:9400");
    assertThat(self.port()).isEqualTo(9400);
  }

  @Test
  void aWildcardBindAddressIsRefusedWithTheFix() {
    assertThatThrownBy(() -> ApplicationServer.configure(new Properties(), "0.0.0.0", 9400))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'0.0.0.0' is a wildcard bind address")
        .hasMessageContaining("pod IP");
  }

  @Test
  void anEmptyHostOrAnUnboundPortIsRefused() {
    assertThatThrownBy(() -> ApplicationServer.configure(new Properties(), " ", 9400))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("it was empty");
    assertThatThrownBy(() -> ApplicationServer.configure(new Properties(), "localhost", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was 0: bind the HTTP server first");
  }

  private static Properties withRequired(Properties props) {
    Properties all = new Properties();
    all.putAll(props);
    all.put(StreamsConfig.APPLICATION_ID_CONFIG, "application-server-test");
    all.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    return all;
  }
}
