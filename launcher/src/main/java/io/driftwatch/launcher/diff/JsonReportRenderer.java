package io.driftwatch.launcher.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.model.FieldDiff;
import io.driftwatch.model.FieldOwner;
import io.driftwatch.model.serde.Json;

/**
 * Writes a {@link DiffReport} as the JSON contract of {@code driftwatch diff --output json}
 * (docs/cli-diff.md): {@code inSync}, then {@code resources} sorted by key, each with {@code key},
 * {@code type} and {@code fields} ({@code path}, {@code desired}, {@code live}, and {@code owner}
 * when one is known). Built node by node so that the field order and the nulls are the contract's,
 * whatever the records' Jackson mapping does.
 */
public final class JsonReportRenderer {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The report as a tree. */
  public ObjectNode toTree(DiffReport report) {
    ObjectNode root = NODES.objectNode();
    root.put("inSync", report.inSync());
    ArrayNode resources = root.putArray("resources");
    for (ResourceDiff resource : report.resources()) {
      ObjectNode entry = resources.addObject();
      entry.put("key", resource.key().toString());
      entry.put("type", resource.result().type().name());
      ArrayNode fields = entry.putArray("fields");
      for (FieldDiff field : resource.result().fields()) {
        ObjectNode diff = fields.addObject();
        diff.put("path", field.path());
        diff.set("desired", orNull(field.desired()));
        diff.set("live", orNull(field.live()));
        if (field.owner() != null) {
          diff.set("owner", owner(field.owner()));
        }
      }
    }
    return root;
  }

  /** The report as indented JSON text, ending with a newline. */
  public String render(DiffReport report) {
    try {
      return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(toTree(report))
          + System.lineSeparator();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A JSON tree could not be written", e);
    }
  }

  private static ObjectNode owner(FieldOwner owner) {
    ObjectNode node = NODES.objectNode();
    node.put("manager", owner.manager());
    node.put("operation", owner.operation());
    if (owner.time() == null) {
      node.putNull("time");
    } else {
      node.put("time", owner.time().toString());
    }
    return node;
  }

  private static JsonNode orNull(JsonNode value) {
    return value == null ? NODES.nullNode() : value;
  }
}
