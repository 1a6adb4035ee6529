package io.driftwatch.ingest.git.render.kustomize.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects an entry's key/value pairs in kustomize's order: env files, then literals, then files.
 * The order decides which source a repeated key is blamed on; the object itself is sorted by key.
 */
final class KeyValueLoader {

  private KeyValueLoader() {}

  static List<KeyValue> load(GeneratorArgs args, FileSource files) throws GeneratorException {
    List<KeyValue> pairs = new ArrayList<>();
    for (String path : args.envs()) {
      pairs.addAll(
          EnvFileParser.parse(
              read(files, path, args, "env file"), args.label() + ": env file '" + path + "'"));
    }
    for (int i = 0; i < args.literals().size(); i++) {
      pairs.add(literal(args.literals().get(i), args.label() + " literals[" + i + "]"));
    }
    for (String source : args.files()) {
      String[] keyAndPath = fileSource(source, args.label());
      pairs.add(new KeyValue(keyAndPath[0], read(files, keyAndPath[1], args, "file")));
    }
    return pairs;
  }

  /**
   * {@code KEY=VALUE}, split at the first {@code =}; one pair of matching surrounding quotes
   * ({@code "} or {@code '}) is removed from the value. The message never quotes the literal: a
   * Secret literal without {@code =} may be nothing but the value.
   */
  static KeyValue literal(String literal, String where) throws GeneratorException {
    int equals = literal.indexOf('=');
    if (equals < 0) {
      throw new GeneratorException(where + " has no '=': a literal is KEY=VALUE");
    }
    if (equals == 0) {
      throw new GeneratorException(where + " has an empty key: a literal is KEY=VALUE");
    }
    String value = literal.substring(equals + 1);
    if (value.length() >= 2
        && value.charAt(0) == value.charAt(value.length() - 1)
        && (value.charAt(0) == '"' || value.charAt(0) == '\'')) {
      value = value.substring(1, value.length() - 1);
    }
    return new KeyValue(literal.substring(0, equals), value.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * {@code path} (the key is the file's base name) or {@code key=path}; returns key and path.
   * Sources are paths, not values, so messages may quote them.
   */
  static String[] fileSource(String source, String where) throws GeneratorException {
    long separators = source.chars().filter(c -> c == '=').count();
    if (separators == 0) {
      return new String[] {baseName(source), source};
    }
    if (separators > 1) {
      throw new GeneratorException(
          where + " files: '" + source + "' has more than one '=' (key=path)");
    }
    int equals = source.indexOf('=');
    if (equals == 0) {
      throw new GeneratorException(where + " files: '" + source + "' has no key before '='");
    }
    if (equals == source.length() - 1) {
      throw new GeneratorException(where + " files: '" + source + "' has no path after '='");
    }
    return new String[] {source.substring(0, equals), source.substring(equals + 1)};
  }

  /** Go's path.Base: the last slash-separated element, trailing slashes ignored. */
  static String baseName(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    int end = path.length();
    while (end > 0 && path.charAt(end - 1) == '/') {
      end--;
    }
    if (end == 0) {
      return "/";
    }
    return path.substring(path.lastIndexOf('/', end - 1) + 1, end);
  }

  private static byte[] read(FileSource files, String path, GeneratorArgs args, String what)
      throws GeneratorException {
    try {
      return files.read(path);
    } catch (IOException e) {
      throw new GeneratorException(
          args.label() + ": cannot read " + what + " '" + path + "': " + e.getMessage());
    }
  }
}
