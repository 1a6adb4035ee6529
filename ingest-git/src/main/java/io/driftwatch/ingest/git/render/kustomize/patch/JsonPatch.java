package io.driftwatch.ingest.git.render.kustomize.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flipkart.zjsonpatch.CompatibilityFlags;
import com.flipkart.zjsonpatch.JsonPatchApplicationException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * RFC 6902 JSON patches as kustomize applies them (with evanphx/json-patch): on zjsonpatch, with
 * kustomize's differences from the RFC kept: {@code replace} of a missing object field adds it,
 * {@code remove} of a missing field fails, and negative array indices count from the end ({@code
 * -1} is the last element; for {@code add}, {@code -1} appends).
 */
public final class JsonPatch {

  private static final EnumSet<CompatibilityFlags> FLAGS =
      EnumSet.of(
          CompatibilityFlags.ALLOW_MISSING_TARGET_OBJECT_ON_REPLACE,
          CompatibilityFlags.FORBID_REMOVE_MISSING_OBJECT);
  private static final Pattern NEGATIVE_INDEX = Pattern.compile("-[0-9]+");

  private JsonPatch() {}

  /**
   * Applies RFC 6902 {@code operations} (a JSON array) to {@code target}, returning a new object;
   * the target is not modified.
   *
   * @throws PatchException naming the operation's index, op and path when one fails (a missing
   *     path, a failed test, a malformed operation)
   */
  public static ObjectNode apply(ObjectNode target, JsonNode operations) throws PatchException {
    if (operations == null || !operations.isArray()) {
      throw new PatchException("a JSON 6902 patch must be a list of operations");
    }
    JsonNode document = target.deepCopy();
    for (int index = 0; index < operations.size(); index++) {
      JsonNode operation = operations.get(index);
      ArrayNode single = JsonNodeFactory.instance.arrayNode(1);
      try {
        single.add(resolveNegativeIndices(operation, document));
        com.flipkart.zjsonpatch.JsonPatch.validate(single, FLAGS);
        if (isRootPath(operation)) {
          document = com.flipkart.zjsonpatch.JsonPatch.apply(single, document, FLAGS);
        } else {
          com.flipkart.zjsonpatch.JsonPatch.applyInPlace(single, document, FLAGS);
        }
      } catch (JsonPatchApplicationException | IllegalArgumentException e) {
        throw new PatchException(describe(index, operation) + " failed: " + reason(operation, e));
      }
    }
    if (!(document instanceof ObjectNode result)) {
      throw new PatchException("the JSON 6902 patch leaves something other than an object");
    }
    return result;
  }

  private static String describe(int index, JsonNode operation) {
    StringBuilder text = new StringBuilder("JSON patch operation ").append(index);
    if (operation instanceof ObjectNode) {
      text.append(" (").append(operation.path("op").asText("?"));
      JsonNode from = operation.get("from");
      if (from != null && from.isTextual()) {
        text.append(" from ").append(pointerText(from.asText()));
      }
      JsonNode path = operation.get("path");
      text.append(' ').append(path != null && path.isTextual() ? pointerText(path.asText()) : "?");
      text.append(')');
    }
    return text.toString();
  }

  private static String pointerText(String pointer) {
    return pointer.isEmpty() ? "\"\"" : pointer;
  }

  /** zjsonpatch's reason, except a failed test's, which quotes both values. */
  private static String reason(JsonNode operation, RuntimeException e) {
    if (operation instanceof ObjectNode && "test".equals(operation.path("op").asText())) {
      return "the value at the path is not the expected one";
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  private static boolean isRootPath(JsonNode operation) {
    JsonNode path = operation.get("path");
    return path != null && path.isTextual() && path.asText().isEmpty();
  }

  /**
   * Rewrites negative array indices in {@code path} and {@code from} into the positive ones
   * evanphx/json-patch would use, against the document as it is before this operation.
   */
  private static JsonNode resolveNegativeIndices(JsonNode operation, JsonNode document) {
    if (!(operation instanceof ObjectNode map)) {
      return operation;
    }
    boolean add = "add".equals(map.path("op").asText());
    ObjectNode resolved = null;
    for (String field : new String[] {"path", "from"}) {
      JsonNode pointer = map.get(field);
      if (pointer == null || !pointer.isTextual() || !pointer.asText().contains("/-")) {
        continue;
      }
      String rewritten = resolvePointer(pointer.asText(), document, add && field.equals("path"));
      if (!rewritten.equals(pointer.asText())) {
        if (resolved == null) {
          resolved = map.deepCopy();
        }
        resolved.put(field, rewritten);
      }
    }
    return resolved == null ? operation : resolved;
  }

  private static String resolvePointer(String pointer, JsonNode document, boolean addTarget) {
    if (!pointer.startsWith("/")) {
      return pointer;
    }
    List<String> tokens = new ArrayList<>();
    for (String raw : pointer.substring(1).split("/", -1)) {
      tokens.add(raw);
    }
    JsonNode node = document;
    boolean changed = false;
    for (int i = 0; i < tokens.size() && node != null; i++) {
      String token = tokens.get(i);
      if (node.isArray()) {
        if (NEGATIVE_INDEX.matcher(token).matches()) {
          int size = node.size();
          boolean last = i == tokens.size() - 1;
          long index = Long.parseLong(token) + size + (last && addTarget ? 1 : 0);
          if (index >= 0) {
            token = Long.toString(index);
            tokens.set(i, token);
            changed = true;
          }
        }
        node =
            token.matches("[0-9]+") && token.length() < 10
                ? node.get(Integer.parseInt(token))
                : null;
      } else if (node.isObject()) {
        node = node.get(token.replace("~1", "/").replace("~0", "~"));
      } else {
        node = null;
      }
    }
    return changed ? "/" + String.join("/", tokens) : pointer;
  }
}
