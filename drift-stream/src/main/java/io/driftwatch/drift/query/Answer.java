package io.driftwatch.drift.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.model.serde.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP answer to a query: status, extra headers and a JSON body. Errors are JSON too ({@code
 * {"status":…,"error":"…"}}), so a client reads every answer the same way.
 *
 * @param headers extra response headers such as {@code Retry-After}; Content-Type is always JSON
 */
public record Answer(int status, Map<String, String> headers, byte[] body) {

  /** The content type of every answer. */
  public static final String CONTENT_TYPE = "application/json; charset=utf-8";

  /** How long a client should wait before retrying while this instance is not serving. */
  public static final int RETRY_AFTER_SECONDS = 2;

  public Answer {
    headers = Map.copyOf(headers);
  }

  /** 200 with {@code value} as JSON. */
  public static Answer ok(Object value) {
    return json(200, value);
  }

  /** {@code status} with {@code value} as JSON. */
  public static Answer json(int status, Object value) {
    try {
      return new Answer(status, Map.of(), Json.mapper().writeValueAsBytes(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "Cannot write the answer as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** An error answer with a message saying what went wrong and what to do. */
  public static Answer error(int status, String message) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("status", status);
    body.put("error", message);
    return json(status, body);
  }

  /** 503 with {@code Retry-After}: try again shortly, the situation is passing. */
  public static Answer unavailable(String message) {
    return error(503, message).withHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
  }

  /** This answer with one more header. */
  public Answer withHeader(String name, String value) {
    Map<String, String> next = new LinkedHashMap<>(headers);
    next.put(name, value);
    return new Answer(status, next, body);
  }
}
