package io.driftwatch.ingest.git.render.kustomize.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.TreeSet;

/**
 * Strategic merge patches as kustomize v5.5.0 applies them (its kyaml merge, not the API server's):
 * maps merge, {@code null} deletes, lists with a merge strategy in the built-in schema ({@link
 * PatchSchema}) merge by their keys with the patch's elements first, other lists are replaced, and
 * {@code $patch: delete|replace|merge} directives apply to maps, list elements and merged lists.
 * Like kustomize, it does not interpret {@code $setElementOrder}, {@code $retainKeys} or {@code
 * $deleteFromPrimitiveList}: they are copied as ordinary fields.
 */
public final class StrategicMergePatch {

  static final String DIRECTIVE = "$patch";

  private StrategicMergePatch() {}

  /**
   * Applies {@code patch} to {@code target} as kustomize does, returning a new object; neither
   * input is modified. The result keeps the target's apiVersion, kind, name and namespace (the
   * patch's identify the target; its labels and annotations merge).
   *
   * @return the patched object, or null when the patch deletes the whole object ({@code $patch:
   *     delete} at its top)
   * @throws PatchException when the patch cannot apply (an unknown directive, a map where the
   *     target has a list or a scalar)
   */
  public static ObjectNode apply(ObjectNode target, ObjectNode patch) throws PatchException {
    JsonNode merged = walk(target.deepCopy(), patch.deepCopy(), null, FieldPath.ROOT);
    if (!(merged instanceof ObjectNode result)) {
      return null;
    }
    restoreIdentity(target, result);
    return result;
  }

  /**
   * Merges one node of the patch into the matching node of the target, in place where the target
   * has one. Java null stands for a missing node; the result null means "remove this field".
   */
  static JsonNode walk(JsonNode dest, JsonNode patch, PatchSchema schema, FieldPath path)
      throws PatchException {
    if (schema == null) {
      // kyaml looks for a schema wherever an object names its apiVersion and kind (an embedded
      // template in a custom resource merges like the built-in kind it is).
      schema = embeddedSchema(dest);
      if (schema == null) {
        schema = embeddedSchema(patch);
      }
    }
    NodeKind kind = NodeKind.of(dest, patch);
    requireKind(kind, dest, "target", path);
    requireKind(kind, patch, "patch", path);
    return switch (kind) {
      case MAP, NONE -> walkMap(dest, patch, schema, path);
      case LIST ->
          schema != null && schema.mergeList()
              ? AssociativeList.merge(dest, patch, schema, path)
              : (patch != null ? patch : dest);
      case SCALAR -> patch != null ? patch : dest;
    };
  }

  private static JsonNode walkMap(JsonNode dest, JsonNode patch, PatchSchema schema, FieldPath path)
      throws PatchException {
    JsonNode result;
    if (isMissingOrNull(dest)) {
      // A new subtree: kyaml reads (and strips) its directive but never fails on an unknown one.
      Directive directive = patch instanceof ObjectNode map ? mapDirective(map, path, false) : null;
      if (directive == Directive.DELETE) {
        return null;
      }
      result = patch;
    } else if (patch != null && patch.isNull()) {
      return null;
    } else {
      Directive directive =
          patch == null ? Directive.MERGE : mapDirective((ObjectNode) patch, path, true);
      switch (directive) {
        case DELETE:
          return null;
        case REPLACE:
          result = patch;
          break;
        default:
          result = dest;
      }
    }
    if (!(result instanceof ObjectNode map)) {
      return null;
    }
    TreeSet<String> names = new TreeSet<>();
    map.fieldNames().forEachRemaining(names::add);
    if (patch instanceof ObjectNode patchMap && patchMap != map) {
      patchMap.fieldNames().forEachRemaining(names::add);
    }
    for (String name : names) {
      JsonNode destValue = map.get(name);
      JsonNode patchValue = patch == null ? null : patch.get(name);
      if (patchValue == null && destValue != null && destValue.isNull()) {
        continue; // kustomize keeps an explicit null the patch does not mention
      }
      PatchSchema fieldSchema = schema == null ? null : schema.field(name);
      JsonNode value = walk(destValue, patchValue, fieldSchema, path.field(name));
      if (value == null || value.isNull()) {
        map.remove(name);
      } else if (value != destValue) {
        map.set(name, value);
      }
    }
    return map;
  }

  /** The merge directive of a map, removed from it once read. */
  private static Directive mapDirective(ObjectNode patch, FieldPath path, boolean strict)
      throws PatchException {
    JsonNode value = patch.get(DIRECTIVE);
    if (value == null) {
      return Directive.MERGE;
    }
    Directive directive = Directive.of(value);
    if (directive == null) {
      if (strict) {
        throw unknownDirective(path);
      }
      return null;
    }
    patch.remove(DIRECTIVE);
    return directive;
  }

  static PatchException unknownDirective(FieldPath path) {
    return new PatchException(
        "unknown $patch directive at " + path + " (kustomize knows replace, delete and merge)");
  }

  private static PatchSchema embeddedSchema(JsonNode node) {
    if (node instanceof ObjectNode map) {
      JsonNode apiVersion = map.get("apiVersion");
      JsonNode kind = map.get("kind");
      if (apiVersion != null && kind != null && apiVersion.isTextual() && kind.isTextual()) {
        return PatchSchema.forKind(apiVersion.asText(), kind.asText());
      }
    }
    return null;
  }

  private static void requireKind(NodeKind kind, JsonNode node, String side, FieldPath path)
      throws PatchException {
    if (!isMissingOrNull(node) && NodeKind.of(node) != kind) {
      throw new PatchException(
          "cannot merge at "
              + path
              + ": the "
              + side
              + " has "
              + NodeKind.of(node).noun
              + " where the other side has "
              + kind.noun);
    }
  }

  static boolean isMissingOrNull(JsonNode node) {
    return node == null || node.isNull();
  }

  private static void restoreIdentity(ObjectNode target, ObjectNode result) {
    copyOrRemove(target, result, "apiVersion");
    copyOrRemove(target, result, "kind");
    JsonNode targetMetadata = target.get("metadata");
    JsonNode name = targetMetadata == null ? null : targetMetadata.get("name");
    JsonNode namespace = targetMetadata == null ? null : targetMetadata.get("namespace");
    JsonNode metadata = result.get("metadata");
    if (!(metadata instanceof ObjectNode)) {
      if (name == null && namespace == null) {
        return;
      }
      metadata = result.putObject("metadata");
    }
    ObjectNode resultMetadata = (ObjectNode) metadata;
    if (name != null) {
      resultMetadata.set("name", name.deepCopy());
    }
    if (namespace != null) {
      resultMetadata.set("namespace", namespace.deepCopy());
    } else {
      resultMetadata.remove("namespace");
    }
  }

  private static void copyOrRemove(ObjectNode from, ObjectNode to, String field) {
    JsonNode value = from.get(field);
    if (value != null) {
      to.set(field, value.deepCopy());
    }
  }

  /** The three directives kustomize knows. */
  enum Directive {
    REPLACE,
    DELETE,
    MERGE;

    static Directive of(JsonNode value) {
      if (!value.isTextual()) {
        return null;
      }
      return switch (value.asText()) {
        case "replace" -> REPLACE;
        case "delete" -> DELETE;
        case "merge" -> MERGE;
        default -> null;
      };
    }
  }

  /** The YAML node kinds kyaml walks by. */
  enum NodeKind {
    NONE("nothing"),
    MAP("a map"),
    LIST("a list"),
    SCALAR("a scalar");

    final String noun;

    NodeKind(String noun) {
      this.noun = noun;
    }

    static NodeKind of(JsonNode dest, JsonNode patch) {
      if (!isMissingOrNull(dest)) {
        return of(dest);
      }
      if (!isMissingOrNull(patch)) {
        return of(patch);
      }
      return NONE;
    }

    static NodeKind of(JsonNode node) {
      if (node.isObject()) {
        return MAP;
      }
      if (node.isArray()) {
        return LIST;
      }
      return SCALAR;
    }
  }
}
