package io.driftwatch.ingest.git.render.kustomize.generate;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an env file as kustomize does: one {@code KEY=VALUE} per line, split at the first {@code
 * =}; leading whitespace dropped, nothing else trimmed, quotes kept; blank lines and lines starting
 * with {@code #} skipped, as are lines with an empty key; a line without {@code =} is a key with an
 * empty value (kustomize v5.5.0 no longer reads it from its own environment). A UTF-8 byte-order
 * mark is dropped from the first line only, a carriage return before each newline is dropped, and a
 * line that is not UTF-8 is an error. kustomize reads lines with Go's bufio.Scanner and does not
 * check its error, so a line of 64 KiB or more silently ends the file: the pairs before it are kept
 * and nothing from it on is read. This class does the same, so the name hash matches.
 */
final class EnvFileParser {

  /** bufio.Scanner's default buffer: a line must fit in it together with its newline. */
  static final int MAX_LINE_BYTES = 64 * 1024 - 1;

  private EnvFileParser() {}

  /**
   * @param where names the entry and the file in errors, which give the line number and never the
   *     line
   */
  static List<KeyValue> parse(byte[] content, String where) throws GeneratorException {
    List<KeyValue> pairs = new ArrayList<>();
    int lineNumber = 0;
    int start = 0;
    while (start < content.length) {
      int newline = indexOf(content, (byte) '\n', start);
      int end = newline < 0 ? content.length : newline;
      if (end - start > MAX_LINE_BYTES) {
        break;
      }
      int contentEnd = end > start && content[end - 1] == '\r' ? end - 1 : end;
      lineNumber++;
      String line = decode(content, start, contentEnd, where, lineNumber);
      if (lineNumber == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      KeyValue pair = pair(trimLeadingSpace(line));
      if (pair != null) {
        pairs.add(pair);
      }
      start = newline < 0 ? content.length : newline + 1;
    }
    return pairs;
  }

  private static KeyValue pair(String line) {
    if (line.isEmpty() || line.charAt(0) == '#') {
      return null;
    }
    int equals = line.indexOf('=');
    String key = equals < 0 ? line : line.substring(0, equals);
    if (key.isEmpty()) {
      return null;
    }
    String value = equals < 0 ? "" : line.substring(equals + 1);
    return new KeyValue(key, value.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(byte[] content, int from, int to, String where, int lineNumber)
      throws GeneratorException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content, from, to - from))
          .toString();
    } catch (CharacterCodingException e) {
      throw new GeneratorException(where + " line " + lineNumber + " is not valid UTF-8");
    }
  }

  private static int indexOf(byte[] content, byte b, int from) {
    for (int i = from; i < content.length; i++) {
      if (content[i] == b) {
        return i;
      }
    }
    return -1;
  }

  /** Go's unicode.IsSpace, which differs from Character.isWhitespace (NBSP yes, U+001C no). */
  static boolean isGoSpace(int cp) {
    return switch (cp) {
      case '\t',
          '\n',
          0x0B,
          '\f',
          '\r',
          ' ',
          0x85,
          0xA0,
          0x1680,
          0x2028,
          0x2029,
          0x202F,
          0x205F,
          0x3000 ->
          true;
      default -> cp >= 0x2000 && cp <= 0x200A;
    };
  }

  private static String trimLeadingSpace(String line) {
    int i = 0;
    while (i < line.length() && isGoSpace(line.codePointAt(i))) {
      i += Character.charCount(line.codePointAt(i));
    }
    return line.substring(i);
  }
}
