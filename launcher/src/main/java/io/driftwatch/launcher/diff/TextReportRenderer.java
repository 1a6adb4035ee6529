package io.driftwatch.launcher.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.FieldDiff;
import io.driftwatch.model.FieldOwner;
import io.driftwatch.model.serde.Json;

/**
 * Writes a {@link DiffReport} for people, like a unified diff per resource: a {@code --- desired}
 * and a {@code +++ live} header with the verdict, then per differing field an {@code @@ path @@}
 * hunk with the desired value on a {@code -} line, the live value on a {@code +} line, and who set
 * it; a summary line last. Values are written as compact JSON, so {@code 5} and {@code "5"} stay
 * distinct; {@code (absent)} stands for a field one side does not have.
 */
public final class TextReportRenderer {

  private static final String RED = "\u001b[31m";
  private static final String GREEN = "\u001b[32m";
  private static final String BOLD = "\u001b[1m";
  private static final String RESET = "\u001b[0m";

  private final boolean colour;

  /**
   * @param colour true to colour removed lines red and added lines green with ANSI escapes (only
   *     for a terminal)
   */
  public TextReportRenderer(boolean colour) {
    this.colour = colour;
  }

  /** The whole report, ending with the summary line and a newline. */
  public String render(DiffReport report) {
    StringBuilder out = new StringBuilder();
    for (ResourceDiff resource : report.resources()) {
      String key = clean(resource.key().toString());
      line(out, BOLD, "--- desired " + key);
      line(out, BOLD, "+++ live    " + key + "  " + verdict(resource));
      for (FieldDiff field : resource.result().fields()) {
        line(out, null, "@@ " + clean(field.path()) + " @@");
        line(out, RED, "- " + value(field.desired()));
        line(out, GREEN, "+ " + value(field.live()));
        if (field.owner() != null) {
          line(out, null, "  " + setBy(field.owner()));
        }
      }
      out.append(System.lineSeparator());
    }
    line(out, null, report.summary());
    return out.toString();
  }

  private static String verdict(ResourceDiff resource) {
    DriftType type = resource.result().type();
    int fields = resource.result().fields().size();
    return switch (type) {
      case NONE -> "in sync";
      case MODIFIED -> "MODIFIED: " + fields + (fields == 1 ? " field differs" : " fields differ");
      case MISSING_LIVE -> "MISSING_LIVE: not in the live file";
      case EXTRA_LIVE -> "EXTRA_LIVE: not in the desired file";
    };
  }

  private static String setBy(FieldOwner owner) {
    return "(set by "
        + clean(owner.manager())
        + ", "
        + clean(owner.operation())
        + (owner.time() == null ? "" : ", " + owner.time())
        + ")";
  }

  private static String value(JsonNode value) {
    if (value == null) {
      return "(absent)";
    }
    try {
      return clean(Json.mapper().writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A JSON value could not be written", e);
    }
  }

  private void line(StringBuilder out, String style, String text) {
    if (colour && style != null) {
      out.append(style).append(text).append(RESET);
    } else {
      out.append(text);
    }
    out.append(System.lineSeparator());
  }

  /**
   * Names and values come from the input files: a control character in them must not move the
   * cursor or recolour the user's terminal.
   */
  private static String clean(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(c < 0x20 || (c >= 0x7f && c <= 0x9f) ? '?' : c);
    }
    return out.toString();
  }
}
