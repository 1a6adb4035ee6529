package io.driftwatch.diff.ignore;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import net.thisptr.jackson.jq.BuiltinFunctionLoader;
import net.thisptr.jackson.jq.JsonQuery;
import net.thisptr.jackson.jq.Scope;
import net.thisptr.jackson.jq.Versions;
import net.thisptr.jackson.jq.exception.JsonQueryException;

/**
 * An Argo CD {@code jqPathExpressions} entry, compiled once: evaluated as {@code path(<expr>)} to
 * learn which fields of a document it selects. Thread-safe.
 */
final class JqPathExpression {

  /**
   * More paths than this from one expression on one object means a runaway expression (such as
   * {@code repeat}); it is treated like a failing one.
   */
  static final int MAX_PATHS = 100_000;

  private static final Scope BUILTINS = builtins();

  private final String source;
  private final JsonQuery pathQuery;

  private JqPathExpression(String source, JsonQuery pathQuery) {
    this.source = source;
    this.pathQuery = pathQuery;
  }

  /**
   * Compiles {@code source}.
   *
   * @throws JsonQueryException with jq's own message when it does not compile
   */
  static JqPathExpression compile(String source) throws JsonQueryException {
    // Compiled alone first, so a syntax error is reported against what the user wrote.
    JsonQuery.compile(source, Versions.JQ_1_6);
    // The newline ends a trailing '#' comment before the closing parenthesis.
    return new JqPathExpression(
        source, JsonQuery.compile("path(" + source + "\n)", Versions.JQ_1_6));
  }

  /**
   * Adds to {@code into} the paths (field names as strings, indices as integers) the expression
   * selects in {@code document}. An expression that fails on this document (say, iterating over a
   * field it lacks without {@code ?}) selects nothing, as jq's {@code del} would change nothing.
   */
  void collectPaths(JsonNode document, List<List<Object>> into) {
    List<List<Object>> found = new ArrayList<>();
    try {
      pathQuery.apply(
          Scope.newChildScope(BUILTINS),
          document,
          path -> {
            if (found.size() >= MAX_PATHS) {
              throw new JsonQueryException("more than " + MAX_PATHS + " paths");
            }
            List<Object> tokens = tokens(path);
            if (tokens != null) {
              found.add(tokens);
            }
          });
    } catch (JsonQueryException | RuntimeException e) {
      return;
    }
    into.addAll(found);
  }

  /** The path as tokens, or null for a path this engine cannot remove (a slice). */
  private static List<Object> tokens(JsonNode path) {
    List<Object> tokens = new ArrayList<>(path.size());
    for (JsonNode element : path) {
      if (element.isTextual()) {
        tokens.add(element.textValue());
      } else if (element.isNumber() && element.canConvertToInt()) {
        tokens.add(element.intValue());
      } else {
        return null;
      }
    }
    return tokens;
  }

  private static Scope builtins() {
    Scope scope = Scope.newEmptyScope();
    BuiltinFunctionLoader.getInstance().loadFunctions(Versions.JQ_1_6, scope);
    return scope;
  }

  @Override
  public String toString() {
    return source;
  }
}
