package io.driftwatch.ingest.git.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.reader.UnicodeReader;

/**
 * Reads a multi-document YAML file into Jackson trees under {@link YamlLimits}. It composes with
 * SnakeYAML (the parser under jackson-dataformat-yaml) instead of Jackson's YAML parser because
 * Jackson turns an alias such as {@code *defaults} into the string {@code "defaults"}, which would
 * silently publish wrong manifests; composing resolves aliases and merge keys as kubectl does, and
 * SnakeYAML's {@link LoaderOptions} bound aliases, nesting and size. Scalars follow YAML 1.1 as
 * kubectl reads it ({@code yes} is true, {@code 0x1F} is 31); timestamps stay strings.
 */
public final class BoundedYamlReader {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> TRUE = Set.of("true", "yes", "on", "y");

  private final YamlLimits limits;

  public BoundedYamlReader(YamlLimits limits) {
    this.limits = limits;
  }

  /**
   * Every document of the file in order; an empty document (only comments, or nothing between two
   * {@code ---}) is a null entry so that document numbers match what the author counts.
   *
   * @throws YamlReadException when any part of the file is not valid YAML or breaks a limit; no
   *     document of such a file is returned, because what follows the error cannot be trusted
   */
  public List<JsonNode> read(byte[] bytes) throws YamlReadException {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(limits.codePointLimit());
    options.setMaxAliasesForCollections(limits.maxAliasesForCollections());
    options.setNestingDepthLimit(limits.nestingDepthLimit());
    options.setAllowRecursiveKeys(false);
    options.setMergeOnCompose(true);
    List<JsonNode> documents = new ArrayList<>();
    Budget budget = new Budget(limits.maxValues());
    try {
      for (Node node :
          new Yaml(options).composeAll(new UnicodeReader(new ByteArrayInputStream(bytes)))) {
        documents.add(isEmpty(node) ? null : convert(node, 0, budget));
      }
    } catch (MarkedYAMLException e) {
      throw new YamlReadException(describe(e));
    } catch (YAMLException e) {
      if (e.getCause() instanceof CharacterCodingException) {
        throw new YamlReadException(notUtf8(bytes));
      }
      // Limit violations: their messages state the limit, never the content.
      throw new YamlReadException(e.getMessage());
    } catch (StackOverflowError e) {
      throw new YamlReadException("nesting is too deep to parse");
    }
    return documents;
  }

  private static boolean isEmpty(Node node) {
    return node == null
        || (node instanceof ScalarNode scalar
            && Tag.NULL.equals(scalar.getTag())
            && scalar.getValue().isEmpty());
  }

  private JsonNode convert(Node node, int depth, Budget budget) throws YamlReadException {
    if (depth > limits.nestingDepthLimit()) {
      // Reached only through aliases that point at their own ancestors.
      throw new YamlReadException(
          "nesting deeper than "
              + limits.nestingDepthLimit()
              + " levels"
              + at(node.getStartMark()));
    }
    budget.take(node);
    if (node instanceof ScalarNode scalar) {
      return scalar(scalar);
    }
    if (node instanceof SequenceNode sequence) {
      ArrayNode array = NODES.arrayNode();
      for (Node item : sequence.getValue()) {
        array.add(convert(item, depth + 1, budget));
      }
      return array;
    }
    MappingNode mapping = (MappingNode) node;
    ObjectNode object = NODES.objectNode();
    for (NodeTuple tuple : mapping.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
        throw new YamlReadException(
            "a mapping key is not a plain value" + at(tuple.getKeyNode().getStartMark()));
      }
      if (object.has(key.getValue())) {
        throw new YamlReadException(
            "duplicate key '" + key.getValue() + "'" + at(key.getStartMark()));
      }
      object.set(key.getValue(), convert(tuple.getValueNode(), depth + 1, budget));
    }
    return object;
  }

  private static JsonNode scalar(ScalarNode scalar) {
    String text = scalar.getValue();
    Tag tag = scalar.getTag();
    if (Tag.NULL.equals(tag)) {
      return NODES.nullNode();
    }
    if (Tag.BOOL.equals(tag)) {
      return NODES.booleanNode(TRUE.contains(text.toLowerCase(Locale.ROOT)));
    }
    if (Tag.INT.equals(tag)) {
      BigInteger value = parseInt(text);
      if (value == null) {
        return NODES.textNode(text);
      }
      if (value.bitLength() < Integer.SIZE) {
        return NODES.numberNode(value.intValue());
      }
      return value.bitLength() < Long.SIZE
          ? NODES.numberNode(value.longValue())
          : NODES.numberNode(value);
    }
    if (Tag.FLOAT.equals(tag)) {
      String plain = text.replace("_", "");
      if (plain.contains(":")
          || plain.toLowerCase(Locale.ROOT).contains("inf")
          || plain.toLowerCase(Locale.ROOT).contains("nan")) {
        // JSON has no infinity or NaN, and sexagesimal floats are not worth a parser.
        return NODES.textNode(text);
      }
      try {
        return NODES.numberNode(Double.parseDouble(plain));
      } catch (NumberFormatException e) {
        return NODES.textNode(text);
      }
    }
    return NODES.textNode(text);
  }

  /** YAML 1.1 integers: decimal, 0b binary, 0x hex, leading-zero octal, sexagesimal. */
  private static BigInteger parseInt(String text) {
    String value = text.replace("_", "");
    boolean negative = value.startsWith("-");
    if (value.startsWith("-") || value.startsWith("+")) {
      value = value.substring(1);
    }
    try {
      BigInteger result;
      if (value.startsWith("0b")) {
        result = new BigInteger(value.substring(2), 2);
      } else if (value.startsWith("0x")) {
        result = new BigInteger(value.substring(2), 16);
      } else if (value.contains(":")) {
        result = BigInteger.ZERO;
        for (String digit : value.split(":")) {
          result = result.multiply(BigInteger.valueOf(60)).add(new BigInteger(digit));
        }
      } else if (value.length() > 1 && value.startsWith("0")) {
        result = new BigInteger(value.substring(1), 8);
      } else {
        result = new BigInteger(value);
      }
      return negative ? result.negate() : result;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String describe(MarkedYAMLException e) {
    // The exception's own message quotes the offending line; build one from its parts instead.
    StringBuilder out = new StringBuilder();
    if (e.getContext() != null) {
      out.append(e.getContext()).append(": ");
    }
    out.append(e.getProblem() == null ? "invalid YAML" : e.getProblem());
    out.append(at(e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark()));
    return out.toString();
  }

  /**
   * Where the first byte that is not UTF-8 is. Found again here because SnakeYAML's decoder reports
   * neither line nor offset; done only for a file that failed, so valid files pay nothing.
   */
  private static String notUtf8(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(8192);
    CoderResult result;
    do {
      out.clear();
      result = decoder.decode(in, out, true);
    } while (result.isOverflow());
    int offset = in.position();
    int lineStart = 0;
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    String before = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8);
    int column = before.codePointCount(0, before.length()) + 1;
    // The byte itself is not quoted: it may belong to a Secret value.
    return "the file is not valid UTF-8: the byte at line "
        + line
        + ", column "
        + column
        + " (byte offset "
        + offset
        + ") is not part of a valid UTF-8 character; Kubernetes manifests must be UTF-8"
        + " (re-save the file as UTF-8; Latin-1 or Windows-1252 are the usual culprits)";
  }

  private static String at(Mark mark) {
    return mark == null
        ? ""
        : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
  }

  /** Counts values as they are built, so alias expansion cannot exhaust memory. */
  private final class Budget {
    private int left;

    Budget(int left) {
      this.left = left;
    }

    void take(Node node) throws YamlReadException {
      if (--left < 0) {
        throw new YamlReadException(
            "expands to more than "
                + limits.maxValues()
                + " values once aliases are resolved"
                + at(node.getStartMark()));
      }
    }
  }
}
