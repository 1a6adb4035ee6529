package io.driftwatch.ingest.git.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@code POST /hooks/<receiver>}: checks the caller's signature or token against the
 * receiver's secret and, when it holds, polls the receiver's sources at once. Answers 202 with the
 * sources it polled, 401 when the proof is missing or wrong, 404 for an unknown receiver, 413 for a
 * body over 1 MiB. A GitHub {@code ping} event is acknowledged without polling. Neither the secret
 * nor the proof is ever logged or echoed.
 */
public final class WebhookHandler implements HttpHandler {

  /** The path prefix every receiver is served under. */
  public static final String PREFIX = "/hooks/";

  static final int MAX_BODY_BYTES = 1024 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(WebhookHandler.class);

  private final Map<String, ReceiverConfig> receivers = new LinkedHashMap<>();
  private final PollTrigger trigger;

  public WebhookHandler(List<ReceiverConfig> receivers, PollTrigger trigger) {
    receivers.forEach(r -> this.receivers.put(r.name(), r));
    this.trigger = trigger;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      ReceiverConfig receiver =
          path.startsWith(PREFIX) ? receivers.get(path.substring(PREFIX.length())) : null;
      if (receiver == null) {
        respond(exchange, 404, "no receiver at " + path + "; receivers: " + receivers.keySet());
        return;
      }
      if (!exchange.getRequestMethod().equals("POST")) {
        exchange.getResponseHeaders().set("Allow", "POST");
        respond(exchange, 405, "use POST");
        return;
      }
      byte[] body = readBody(exchange.getRequestBody());
      if (body == null) {
        respond(exchange, 413, "body over " + MAX_BODY_BYTES + " bytes");
        return;
      }
      byte[] secret;
      try {
        secret = readSecret(receiver);
      } catch (IOException e) {
        LOG.error(
            "Webhook receiver {} cannot read its secret file {}: {}",
            receiver.name(),
            receiver.secretFile(),
            e.getClass().getSimpleName());
        respond(exchange, 500, "the receiver's secret cannot be read; see the driftwatch log");
        return;
      }
      String proof = exchange.getRequestHeaders().getFirst(receiver.type().proofHeader());
      boolean verified = receiver.type().verifies(proof, body, secret);
      Arrays.fill(secret, (byte) 0);
      if (!verified) {
        LOG.warn(
            "Webhook receiver {} refused a call from {}: {} header {}",
            receiver.name(),
            exchange.getRemoteAddress().getAddress().getHostAddress(),
            receiver.type().proofHeader(),
            proof == null ? "missing" : "does not match the secret");
        respond(
            exchange,
            401,
            receiver.type().proofHeader() + " is missing or does not match the receiver's secret");
        return;
      }
      if (receiver.type() == ReceiverType.GITHUB
          && "ping".equals(exchange.getRequestHeaders().getFirst("X-GitHub-Event"))) {
        respond(exchange, 200, "pong");
        return;
      }
      List<String> wanted = receiver.sources().isEmpty() ? trigger.sourceIds() : receiver.sources();
      List<String> polled = trigger.trigger(wanted);
      LOG.info("Webhook receiver {} triggered a poll of {}", receiver.name(), polled);
      respond(exchange, 202, "polling " + polled.size() + " sources: " + String.join(", ", polled));
    }
  }

  /** The body, or null when it is larger than {@link #MAX_BODY_BYTES}. */
  private static byte[] readBody(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
    return body.length > MAX_BODY_BYTES ? null : body;
  }

  /** The secret file's bytes without a trailing line break (as {@code echo > file} leaves one). */
  private static byte[] readSecret(ReceiverConfig receiver) throws IOException {
    byte[] raw = Files.readAllBytes(receiver.secretFile());
    int end = raw.length;
    while (end > 0 && (raw[end - 1] == '\n' || raw[end - 1] == '\r')) {
      end--;
    }
    byte[] secret = Arrays.copyOf(raw, end);
    Arrays.fill(raw, (byte) 0);
    return secret;
  }

  private static void respond(HttpExchange exchange, int status, String text) throws IOException {
    byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
