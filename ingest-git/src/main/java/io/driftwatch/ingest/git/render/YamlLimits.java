package io.driftwatch.ingest.git.render;

/**
 * Bounds on parsing one YAML file, so that a hostile or broken file (billion laughs, deep nesting,
 * a huge blob) costs a bounded amount of memory and time and yields an error for that file only.
 *
 * @param maxFileBytes files larger than this are refused without being read
 * @param codePointLimit SnakeYAML's limit on the code points of one document
 * @param maxAliasesForCollections SnakeYAML's limit on aliases that point at a mapping or sequence
 * @param nestingDepthLimit how deep mappings and sequences may nest
 * @param maxValues how many values (scalars, mappings, sequences) one file may expand to once
 *     aliases are resolved
 */
public record YamlLimits(
    long maxFileBytes,
    int codePointLimit,
    int maxAliasesForCollections,
    int nestingDepthLimit,
    int maxValues) {

  /** Generous for real manifests (large CRDs are a few hundred KiB), small for an attacker. */
  public static final YamlLimits DEFAULTS =
      new YamlLimits(8L * 1024 * 1024, 8 * 1024 * 1024, 50, 100, 500_000);
}
