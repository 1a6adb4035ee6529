package io.driftwatch.ingest.git.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.SshException;
import org.eclipse.jgit.api.errors.TransportException;
import org.junit.jupiter.api.Test;

class FetchFailuresTest {

  @Test
  void nameResolutionAndTlsFailuresDeepInTheChainAreUnreachable() {
    assertThat(
            FetchFailures.unreachable(
                new TransportException(
                    "https://git.example.com/app: cannot open git-upload-pack",
                    new UnknownHostException("git.example.com"))))
        .isTrue();
    assertThat(
            FetchFailures.unreachable(
                new TransportException("x", new SSLHandshakeException("PKIX path building"))))
        .isTrue();
    assertThat(FetchFailures.unreachable(new TransportException("not authorized"))).isFalse();
  }

  @Test
  void onlyTheNoMoreAuthenticationMethodsDisconnectIsARefusedSshLogin() {
    assertThat(
            FetchFailures.sshAuthenticationRefused(
                new TransportException(
                    "Cannot log in",
                    new SshException(
                        SshConstants.SSH2_DISCONNECT_NO_MORE_AUTH_METHODS_AVAILABLE, "no more"))))
        .isTrue();
    assertThat(
            FetchFailures.sshAuthenticationRefused(
                new SshException(SshConstants.SSH2_DISCONNECT_HOST_KEY_NOT_VERIFIABLE, "key")))
        .isFalse();
  }

  @Test
  void theMessageJoinsEachCauseOnceEvenWhenCausesLoop() {
    Exception inner = new Exception("connection reset");
    Exception outer = new Exception("fetch failed", inner);
    inner.initCause(outer);

    assertThat(FetchFailures.messageOf(outer)).isEqualTo("fetch failed: connection reset");
  }
}
