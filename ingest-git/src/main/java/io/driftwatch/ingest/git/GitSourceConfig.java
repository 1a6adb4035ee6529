package io.driftwatch.ingest.git;

import java.time.Duration;

/**
 * One source: a Git repository, a ref and a directory in it, rendered for one cluster. The launcher
 * maps it from YAML and validates it; this constructor only fills in defaults and normalises the
 * path, so that {@code ""}, {@code "."} and {@code "./"} all mean the repository root.
 *
 * @param id unique, stable name of the source; keys its status and its mirror directory
 * @param repository a local path or a {@code file://} URL
 * @param ref a branch, a tag or a full commit sha
 * @param path a directory inside the repository, relative to its root ({@code ""} for the root)
 * @param cluster the cluster the rendered objects are meant for (first segment of their keys)
 * @param defaultNamespace the namespace of namespaced objects that set none
 * @param pollInterval how often the repository is fetched
 * @param targetNamespace like a Flux Kustomization's {@code spec.targetNamespace}: the namespace
 *     every namespaced object of the source is put in, or null to keep what the manifests say
 */
public record GitSourceConfig(
    String id,
    String repository,
    String ref,
    String path,
    String cluster,
    String defaultNamespace,
    Duration pollInterval,
    String targetNamespace) {

  public static final String DEFAULT_REF = "main";
  public static final String DEFAULT_NAMESPACE = "default";
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMinutes(1);

  public GitSourceConfig {
    ref = ref == null || ref.isBlank() ? DEFAULT_REF : ref.strip();
    path = normalisePath(path);
    defaultNamespace =
        defaultNamespace == null || defaultNamespace.isBlank()
            ? DEFAULT_NAMESPACE
            : defaultNamespace.strip();
    pollInterval = pollInterval == null ? DEFAULT_POLL_INTERVAL : pollInterval;
    targetNamespace =
        targetNamespace == null || targetNamespace.isBlank() ? null : targetNamespace.strip();
  }

  /** Repository-relative form without leading {@code ./} or {@code /} and trailing slashes. */
  static String normalisePath(String path) {
    if (path == null) {
      return "";
    }
    String p = path.strip().replace('\\', '/');
    boolean changed = true;
    while (changed) {
      changed = false;
      if (p.startsWith("./")) {
        p = p.substring(2);
        changed = true;
      } else if (p.startsWith("/")) {
        p = p.substring(1);
        changed = true;
      } else if (p.endsWith("/")) {
        p = p.substring(0, p.length() - 1);
        changed = true;
      } else if (p.endsWith("/.")) {
        p = p.substring(0, p.length() - 2);
        changed = true;
      }
    }
    return p.equals(".") ? "" : p;
  }
}
