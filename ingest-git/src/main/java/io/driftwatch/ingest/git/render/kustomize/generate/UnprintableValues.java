package io.driftwatch.ingest.git.render.kustomize.generate;

/**
 * ConfigMap values that {@code kubectl kustomize} cannot print, so that the generator fails where
 * kubectl fails instead of rendering something kubectl never would. Both rules were found by
 * running kubectl on single literals:
 *
 * <ul>
 *   <li>DEL, the C1 controls other than NEL, U+FFFE and U+FFFF: kustomize writes them raw and its
 *       YAML reader rejects them ("control characters are not allowed");
 *   <li>a value that starts with a tab and has a newline: kustomize asks for a literal block, and
 *       when go-yaml v3 grants it the block's first line starts with a tab, which go-yaml's reader
 *       refuses ("found a tab character where an indentation space is expected"). go-yaml falls
 *       back to a double-quoted string, which reads back fine, when the value has a character it
 *       will not put in a block (C0 controls, carriage return, BOM, characters beyond the BMP), a
 *       trailing space, or a space before a line break.
 * </ul>
 */
final class UnprintableValues {

  private UnprintableValues() {}

  /** Why kubectl cannot print the value, or null when it can. Never quotes the value. */
  static String problem(String value) {
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      if ((cp >= 0x7F && cp <= 0x9F && cp != 0x85) || cp == 0xFFFE || cp == 0xFFFF) {
        return String.format(
            "contains the control character U+%04X, which kustomize cannot print", cp);
      }
      i += Character.charCount(cp);
    }
    if (value.startsWith("\t") && value.contains("\n") && literalBlockAllowed(value)) {
      return "starts with a tab and spans several lines, which kustomize cannot print";
    }
    return null;
  }

  private static boolean literalBlockAllowed(String value) {
    int previous = -1;
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      if (!blockPrintable(cp)) {
        return false;
      }
      boolean lineBreak = cp == '\n' || cp == 0x2028 || cp == 0x2029;
      if (previous == ' ' && lineBreak) {
        return false;
      }
      previous = cp;
      i += Character.charCount(cp);
    }
    return previous != ' ';
  }

  private static boolean blockPrintable(int cp) {
    return cp == '\n'
        || cp == '\t'
        || (cp >= 0x20 && cp <= 0x7E)
        || cp == 0x85
        || (cp >= 0xA0 && cp <= 0xD7FF)
        || (cp >= 0xE000 && cp <= 0xFFFD && cp != 0xFEFF);
  }
}
