package io.driftwatch.ingest.git.discover;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a Flux ExternalArtifact that an ArtifactGenerator makes from one GitRepository maps back to
 * that repository. Supported: copy operations that each take a whole directory ({@code
 * @alias/<dir>/**}) into a directory of the artifact ({@code @artifact/<dir>/}) so that every copied
 * directory keeps its place relative to the others: {@code apps/base/**} to {@code base/} and
 * {@code apps/production/**} to {@code production/} put the artifact's root at {@code apps}. A path
 * in the artifact is then the same files as the repository path under that root, and a reference
 * such as {@code ../base} resolves alike. Anything else (single files, patterns such as {@code
 * *.yaml}, several sources, directories moved relative to each other) is a problem, because the
 * artifact would not be a directory of the repository.
 *
 * @param sourceKind the kind of the generator's source ({@code GitRepository})
 * @param sourceName its name
 * @param sourceNamespace its namespace
 * @param root the repository directory the artifact's root stands for ({@code ""} for the root)
 * @param copied the repository directories copied into the artifact
 * @param artifactDirectories where each copied directory lands in the artifact
 */
record ArtifactLayout(
    String sourceKind,
    String sourceName,
    String sourceNamespace,
    String root,
    List<String> copied,
    List<String> artifactDirectories) {

  private static final String FROM_SUFFIX = "/**";

  /** The layout of {@code artifactName} in {@code generator}, or the problem that prevents one. */
  static Layout of(FleetObject generator, String artifactName) {
    JsonNode artifact = null;
    for (JsonNode candidate : generator.spec().path("artifacts")) {
      if (candidate.path("name").asText().equals(artifactName)) {
        artifact = candidate;
      }
    }
    if (artifact == null) {
      return Layout.problem(generator.describe() + " has no artifact named '" + artifactName + "'");
    }
    String alias = null;
    String root = null;
    List<String> copied = new ArrayList<>();
    List<String> targets = new ArrayList<>();
    for (JsonNode copy : artifact.path("copy")) {
      String from = copy.path("from").asText("");
      String to = copy.path("to").asText("");
      String where =
          generator.describe() + " artifact '" + artifactName + "': copy from '" + from + "'";
      if (!from.startsWith("@") || !from.contains("/") || !from.endsWith(FROM_SUFFIX)) {
        return Layout.problem(
            where
                + " is not a whole directory (@<alias>/<directory>/**); driftwatch maps an"
                + " artifact back to its repository only when it copies whole directories");
      }
      String thisAlias = from.substring(1, from.indexOf('/'));
      if (alias != null && !alias.equals(thisAlias)) {
        return Layout.problem(
            where
                + " takes a second source ('"
                + thisAlias
                + "' after '"
                + alias
                + "'); an artifact composed from several sources is no directory of one"
                + " repository");
      }
      alias = thisAlias;
      String rest = from.substring(from.indexOf('/') + 1);
      String fromDir =
          rest.equals("**") ? "" : trim(rest.substring(0, rest.length() - FROM_SUFFIX.length()));
      if (fromDir.contains("*")) {
        return Layout.problem(
            where + " is a pattern, not a directory; driftwatch maps whole directories only");
      }
      if (!to.startsWith("@artifact/") || !to.endsWith("/")) {
        return Layout.problem(
            where + ": its destination '" + to + "' is not a directory (@artifact/<directory>/)");
      }
      String toDir = trim(to.substring("@artifact/".length()));
      Optional<String> thisRoot = rootOf(fromDir, toDir);
      if (thisRoot.isEmpty() || (root != null && !root.equals(thisRoot.get()))) {
        return Layout.problem(
            where
                + " to '"
                + to
                + "' moves the directory relative to the other copies, so a path in the artifact"
                + " is no path of the repository");
      }
      root = thisRoot.get();
      copied.add(fromDir);
      targets.add(toDir);
    }
    if (alias == null) {
      return Layout.problem(
          generator.describe() + " artifact '" + artifactName + "' copies nothing");
    }
    JsonNode source = null;
    for (JsonNode candidate : generator.spec().path("sources")) {
      if (candidate.path("alias").asText().equals(alias)) {
        source = candidate;
      }
    }
    if (source == null) {
      return Layout.problem(
          generator.describe()
              + " artifact '"
              + artifactName
              + "' copies from unknown alias '@"
              + alias
              + "'");
    }
    return new Layout(
        new ArtifactLayout(
            source.path("kind").asText(),
            source.path("name").asText(),
            source.path("namespace").asText(generator.namespace()),
            root,
            copied,
            targets),
        null);
  }

  /**
   * The repository path of {@code artifactPath}, or empty when it lies outside every copied
   * directory (where the artifact and the repository differ).
   */
  Optional<String> repositoryPath(String artifactPath) {
    for (String target : artifactDirectories) {
      if (target.isEmpty()
          || artifactPath.equals(target)
          || artifactPath.startsWith(target + "/")) {
        return Optional.of(join(root, artifactPath));
      }
    }
    return Optional.empty();
  }

  /** The repository directory that stands for the artifact's root, if the copy keeps layout. */
  private static Optional<String> rootOf(String fromDir, String toDir) {
    if (toDir.isEmpty()) {
      return Optional.of(fromDir);
    }
    if (fromDir.equals(toDir)) {
      return Optional.of("");
    }
    if (fromDir.endsWith("/" + toDir)) {
      return Optional.of(fromDir.substring(0, fromDir.length() - toDir.length() - 1));
    }
    return Optional.empty();
  }

  static String join(String directory, String path) {
    if (directory.isEmpty()) {
      return path;
    }
    return path.isEmpty() ? directory : directory + "/" + path;
  }

  private static String trim(String path) {
    String p = path;
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }

  /** A layout, or why there is none. */
  record Layout(ArtifactLayout layout, String problem) {
    static Layout problem(String problem) {
      return new Layout(null, problem);
    }
  }
}
