package io.driftwatch.ingest.git.render.kustomize.generate;

import java.util.Set;

/** The two generator lists of a kustomization and the kind each one makes. */
enum GeneratorKind {
  /** {@code configMapGenerator}: text values in {@code data}, other bytes in {@code binaryData}. */
  CONFIG_MAP(
      "configMapGenerator",
      "ConfigMap",
      Set.of("name", "namespace", "behavior", "literals", "files", "envs", "env", "options")),
  /** {@code secretGenerator}: every value base64-encoded in {@code data}, plus a {@code type}. */
  SECRET(
      "secretGenerator",
      "Secret",
      Set.of(
          "name", "namespace", "behavior", "literals", "files", "envs", "env", "options", "type"));

  /** The kustomization field that lists the entries. */
  final String field;

  /** The kind of the objects made. */
  final String kind;

  /** The fields an entry may have; kustomize rejects any other. */
  final Set<String> entryFields;

  GeneratorKind(String field, String kind, Set<String> entryFields) {
    this.field = field;
    this.kind = kind;
    this.entryFields = entryFields;
  }
}
