package io.driftwatch.ingest.git.render.kustomize.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flipkart.zjsonpatch.CompatibilityFlags;
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
      try {
        for (JsonNode step : steps(operation, document)) {
          JsonNode prepared = prepare(step, document);
          if (prepared == null) {
            continue;
          }
          ArrayNode single = JsonNodeFactory.instance.arrayNode(1).add(prepared);
          com.flipkart.zjsonpatch.JsonPatch.validate(single, FLAGS);
          if (isRootPath(prepared)) {
            document = com.flipkart.zjsonpatch.JsonPatch.apply(single, document, FLAGS);
          } else {
            com.flipkart.zjsonpatch.JsonPatch.applyInPlace(single, document, FLAGS);
          }
        }
      } catch (RuntimeException e) {
        // zjsonpatch reports most failures as JsonPatchApplicationException, some (an array
        // index used on an object) as IllegalStateException or IllegalArgumentException.
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
   * A move whose destination counts from the end of a list is applied as evanphx applies every
   * move: remove, then add, the destination index being read after the removal.
   */
  private static List<JsonNode> steps(JsonNode operation, JsonNode document) {
    if (operation instanceof ObjectNode map
        && map.path("op").asText().equals("move")
        && map.path("path").asText("").contains("/-")
        && map.path("from").isTextual()) {
      String from = map.get("from").asText();
      if (from.contains("/-")) {
        from = resolvePointer(from, document, false);
      }
      JsonNode value = locate(document, from);
      if (value != null) {
        ObjectNode remove = JsonNodeFactory.instance.objectNode().put("op", "remove");
        remove.put("path", from);
        ObjectNode add = JsonNodeFactory.instance.objectNode().put("op", "add");
        add.set("path", map.get("path"));
        add.set("value", value);
        return List.of(remove, add);
      }
    }
    return List.of(operation);
  }

  private static JsonNode locate(JsonNode document, String pointer) {
    if (!pointer.startsWith("/")) {
      return pointer.isEmpty() ? document : null;
    }
    JsonNode node = document;
    for (String token : tokens(pointer)) {
      if (node == null) {
        return null;
      }
      node = child(node, token);
    }
    return node;
  }

  /**
   * Turns an operation into the one zjsonpatch must apply to behave as evanphx/json-patch does for
   * kustomize, or null when evanphx would do nothing (a test that null equals a missing field).
   */
  private static JsonNode prepare(JsonNode operation, JsonNode document) {
    if (!(operation instanceof ObjectNode map)) {
      return operation;
    }
    String op = map.path("op").asText();
    // add, copy and move insert at their path: there -1 appends and "-" is the end of a list
    boolean inserts = op.equals("add") || op.equals("copy") || op.equals("move");
    ObjectNode prepared = map;
    for (String field : new String[] {"path", "from"}) {
      JsonNode pointer = map.get(field);
      if (pointer != null && pointer.isTextual() && pointer.asText().contains("/-")) {
        String resolved =
            resolvePointer(pointer.asText(), document, inserts && field.equals("path"));
        if (!resolved.equals(pointer.asText())) {
          prepared = prepared == map ? map.deepCopy() : prepared;
          prepared.put(field, resolved);
        }
      }
    }
    if (op.equals("copy") && isMissingField(document, prepared.path("from").asText(null))) {
      // evanphx reads a missing field as null and copies that
      ObjectNode add = JsonNodeFactory.instance.objectNode();
      add.put("op", "add");
      add.set("path", prepared.get("path"));
      add.putNull("value");
      return add;
    }
    if (op.equals("test")
        && (prepared.get("value") == null || prepared.get("value").isNull())
        && isMissingField(document, prepared.path("path").asText(null))) {
      return null;
    }
    return prepared;
  }

  /** True when the pointer names a field that its (existing) parent object does not have. */
  private static boolean isMissingField(JsonNode document, String pointer) {
    if (pointer == null || !pointer.startsWith("/")) {
      return false;
    }
    List<String> tokens = tokens(pointer);
    JsonNode node = document;
    for (int i = 0; i < tokens.size() - 1 && node != null; i++) {
      node = child(node, tokens.get(i));
    }
    return node != null && node.isObject() && !node.has(unescape(tokens.get(tokens.size() - 1)));
  }

  /**
   * Rewrites negative array indices into the positive ones evanphx/json-patch would use, against
   * the document as it is before this operation, and rejects "-" where evanphx does.
   */
  private static String resolvePointer(String pointer, JsonNode document, boolean insertTarget) {
    if (!pointer.startsWith("/")) {
      return pointer;
    }
    List<String> tokens = tokens(pointer);
    JsonNode node = document;
    boolean changed = false;
    for (int i = 0; i < tokens.size() && node != null; i++) {
      String token = tokens.get(i);
      boolean last = i == tokens.size() - 1;
      if (node.isArray()) {
        if (token.equals("-") && !(last && insertTarget)) {
          throw new IllegalArgumentException(
              "\"-\" names the end of a list only as the last step of an add, copy or move path");
        }
        if (NEGATIVE_INDEX.matcher(token).matches()) {
          long index = Long.parseLong(token) + node.size() + (last && insertTarget ? 1 : 0);
          if (index >= 0) {
            token = Long.toString(index);
            tokens.set(i, token);
            changed = true;
          }
        }
      }
      node = child(node, token);
    }
    return changed ? "/" + String.join("/", tokens) : pointer;
  }

  private static List<String> tokens(String pointer) {
    return new ArrayList<>(List.of(pointer.substring(1).split("/", -1)));
  }

  private static JsonNode child(JsonNode node, String token) {
    if (node.isArray()) {
      return token.matches("[0-9]{1,9}") ? node.get(Integer.parseInt(token)) : null;
    }
    return node.isObject() ? node.get(unescape(token)) : null;
  }

  private static String unescape(String token) {
    return token.replace("~1", "/").replace("~0", "~");
  }
}
