package io.driftwatch.ingest.git.render.kustomize.generate;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the ConfigMap or Secret of one entry with the fields, and in the order, that {@code
 * kubectl kustomize} prints: {@code apiVersion}, {@code binaryData}, {@code data}, {@code
 * immutable}, {@code kind}, {@code metadata} (annotations, labels, name, namespace), {@code type};
 * map keys in {@link GoYamlKeyOrder}. A Secret always has {@code data}, a ConfigMap only when it
 * holds a value.
 */
final class GeneratedObjectBuilder {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private GeneratedObjectBuilder() {}

  static ObjectNode build(GeneratorArgs args, List<KeyValue> pairs) throws GeneratorException {
    Map<String, byte[]> values = new HashMap<>();
    for (KeyValue pair : pairs) {
      if (values.containsKey(pair.key())) {
        throw new GeneratorException(
            args.label() + " repeats the key '" + pair.key() + "' (keys must be unique)");
      }
      if (!PlainScalarResolver.resolvesToString(pair.key())) {
        throw new GeneratorException(
            args.label()
                + ": the key '"
                + pair.key()
                + "' reads as a number, boolean, null or date in YAML, which kustomize cannot"
                + " print as a data key");
      }
      values.put(pair.key(), pair.value());
    }
    ObjectNode object = NODES.objectNode();
    object.put("apiVersion", "v1");
    List<String> keys = GoYamlKeyOrder.sort(values.keySet());
    if (args.kind() == GeneratorKind.SECRET) {
      ObjectNode data = object.putObject("data");
      keys.forEach(key -> data.put(key, WrappedBase64.encode(values.get(key))));
    } else {
      ObjectNode binaryData = NODES.objectNode();
      ObjectNode data = NODES.objectNode();
      for (String key : keys) {
        byte[] value = values.get(key);
        String text = utf8(value);
        if (text == null) {
          binaryData.put(key, WrappedBase64.encode(value));
        } else if (UnprintableValues.problem(text) != null) {
          throw new GeneratorException(
              args.label() + ": the value of key '" + key + "' " + UnprintableValues.problem(text));
        } else {
          data.put(key, text);
        }
      }
      if (!binaryData.isEmpty()) {
        object.set("binaryData", binaryData);
      }
      if (!data.isEmpty()) {
        object.set("data", data);
      }
    }
    GeneratorOptions options = args.options();
    if (options.immutable()) {
      object.put("immutable", true);
    }
    object.put("kind", args.kind().kind);
    ObjectNode metadata = object.putObject("metadata");
    putSorted(metadata, "annotations", options.annotations());
    putSorted(metadata, "labels", options.labels());
    metadata.put("name", args.name());
    if (!args.namespace().isEmpty()) {
      metadata.put("namespace", args.namespace());
    }
    if (args.kind() == GeneratorKind.SECRET) {
      object.put("type", args.type().isEmpty() ? "Opaque" : args.type());
    }
    return object;
  }

  private static void putSorted(ObjectNode metadata, String field, Map<String, String> values) {
    if (values == null || values.isEmpty()) {
      return;
    }
    ObjectNode node = metadata.putObject(field);
    GoYamlKeyOrder.sort(values.keySet()).forEach(key -> node.put(key, values.get(key)));
  }

  /** The value as text when it is valid UTF-8 (as Go's utf8.Valid decides), else null. */
  static String utf8(byte[] value) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(value))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
