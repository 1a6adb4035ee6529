package io.driftwatch.ingest.git.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Webhook calls over real HTTP against the JDK server the launcher serves them on. */
class WebhookHandlerTest {

  private static final String SECRET = "s3cr3t-webhook-value";
  private static final String PUSH = "{\"ref\":\"refs/heads/main\"}";

  @TempDir Path dir;

  private final List<List<String>> triggered = new ArrayList<>();
  private HttpServer server;
  private Path secretFile;
  private final HttpClient client = HttpClient.newHttpClient();

  /** Records what the handler asks for; the real trigger is proven in SourceRetryIT. */
  private final PollTrigger recorder =
      new PollTrigger() {
        @Override
        public List<String> trigger(Collection<String> sourceIds) {
          List<String> known = sourceIds.stream().filter(id -> sourceIds().contains(id)).toList();
          triggered.add(known);
          return known;
        }

        @Override
        public List<String> sourceIds() {
          return List.of("fleet", "apps", "infra");
        }
      };

  @BeforeEach
  void serve() throws IOException {
    secretFile = dir.resolve("secret");
    Files.writeString(secretFile, SECRET + "\n");
    WebhookHandler handler =
        new WebhookHandler(
            List.of(
                new ReceiverConfig("github", ReceiverType.GITHUB, secretFile, List.of("apps")),
                new ReceiverConfig("gitlab", ReceiverType.GITLAB, secretFile, List.of()),
                new ReceiverConfig(
                    "generic", ReceiverType.GENERIC_HMAC, secretFile, List.of("infra")),
                new ReceiverConfig(
                    "broken", ReceiverType.GITLAB, dir.resolve("missing"), List.of())),
            recorder);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(WebhookHandler.PREFIX, handler);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private HttpResponse<String> post(String receiver, String body, String... headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + receiver))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String hmac(String algorithm, String secret, String body) throws Exception {
    Mac mac = Mac.getInstance(algorithm);
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
    return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aGithubPushSignedWithTheSecretPollsTheReceiversSources() throws Exception {
    HttpResponse<String> response =
        post(
            "github",
            PUSH,
            "X-Hub-Signature-256",
            "sha256=" + hmac("HmacSHA256", SECRET, PUSH),
            "X-GitHub-Event",
            "push");

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.body()).isEqualTo("polling 1 sources: apps\n");
    assertThat(triggered).containsExactly(List.of("apps"));
  }

  @Test
  void aWrongOrMissingSignatureIsRefusedWithoutPollingOrEchoingTheSecret() throws Exception {
    HttpResponse<String> wrong =
        post(
            "github",
            PUSH,
            "X-Hub-Signature-256",
            "sha256=" + hmac("HmacSHA256", "not-the-secret", PUSH));
    HttpResponse<String> missing = post("github", PUSH);
    HttpResponse<String> otherBody =
        post(
            "github",
            PUSH + " ",
            "X-Hub-Signature-256",
            "sha256=" + hmac("HmacSHA256", SECRET, PUSH));

    assertThat(List.of(wrong, missing, otherBody))
        .allSatisfy(
            r -> {
              assertThat(r.statusCode()).isEqualTo(401);
              assertThat(r.body())
                  .contains("X-Hub-Signature-256 is missing or does not match")
                  .doesNotContain(SECRET);
            });
    assertThat(triggered).isEmpty();
  }

  @Test
  void aGithubPingIsAcknowledgedWithoutPolling() throws Exception {
    HttpResponse<String> response =
        post(
            "github",
            "{}",
            "X-Hub-Signature-256",
            "sha256=" + hmac("HmacSHA256", SECRET, "{}"),
            "X-GitHub-Event",
            "ping");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(triggered).isEmpty();
  }

  @Test
  void aGitlabTokenReceiverWithoutSourcesPollsEverySource() throws Exception {
    assertThat(post("gitlab", PUSH, "X-Gitlab-Token", SECRET).statusCode()).isEqualTo(202);
    assertThat(post("gitlab", PUSH, "X-Gitlab-Token", SECRET + "x").statusCode()).isEqualTo(401);

    assertThat(triggered).containsExactly(List.of("fleet", "apps", "infra"));
  }

  @Test
  void aGenericHmacReceiverTakesTheDigestNamedInTheHeader() throws Exception {
    assertThat(
            post("generic", PUSH, "X-Signature", "sha512=" + hmac("HmacSHA512", SECRET, PUSH))
                .statusCode())
        .isEqualTo(202);
    assertThat(
            post("generic", PUSH, "X-Signature", "md5=" + hmac("HmacSHA256", SECRET, PUSH))
                .statusCode())
        .isEqualTo(401);

    assertThat(triggered).containsExactly(List.of("infra"));
  }

  @Test
  void aRotatedSecretFileTakesEffectOnTheNextCall() throws Exception {
    Files.writeString(secretFile, "rotated-secret");

    assertThat(post("gitlab", PUSH, "X-Gitlab-Token", SECRET).statusCode()).isEqualTo(401);
    assertThat(post("gitlab", PUSH, "X-Gitlab-Token", "rotated-secret").statusCode())
        .isEqualTo(202);
  }

  @Test
  void unknownReceiversWrongMethodsHugeBodiesAndUnreadableSecretsGetTheirOwnAnswers()
      throws Exception {
    HttpResponse<String> unknown = post("nope", PUSH);
    HttpResponse<String> get =
        client.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/gitlab"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> huge =
        post("gitlab", "x".repeat(WebhookHandler.MAX_BODY_BYTES + 1), "X-Gitlab-Token", SECRET);
    HttpResponse<String> broken = post("broken", PUSH, "X-Gitlab-Token", SECRET);

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("[github, gitlab, generic, broken]");
    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(huge.statusCode()).isEqualTo(413);
    assertThat(broken.statusCode()).isEqualTo(500);
    assertThat(triggered).isEmpty();
  }
}
