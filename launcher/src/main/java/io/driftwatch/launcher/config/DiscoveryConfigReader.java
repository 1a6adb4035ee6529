package io.driftwatch.launcher.config;

import io.driftwatch.ingest.git.discover.DiscoveryConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Validates the {@code discover:} block of a source, which makes it a fleet, and maps it to {@link
 * DiscoveryConfig}. Problems join the loader's list, each naming its key and the fix.
 */
final class DiscoveryConfigReader {

  private final List<String> problems;
  private final Function<String, Path> resolve;

  /**
   * @param problems where problems are added
   * @param resolve turns a path written in the file into an absolute one
   */
  DiscoveryConfigReader(List<String> problems, Function<String, Path> resolve) {
    this.problems = problems;
    this.resolve = resolve;
  }

  /**
   * @param at the key of the block, e.g. {@code sources[0].discover}
   * @param clusterNames the declared clusters (empty: not checked)
   */
  DiscoveryConfig read(String at, ConfigFile.Discover d, Set<String> clusterNames) {
    // Discovering both kinds is the default: a fleet declares what it declares.
    boolean flux = d.flux() == null || d.flux();
    boolean argo = d.argo() == null || d.argo();
    if (!flux && !argo) {
      problems.add(
          at
              + ": flux and argo are both false; set one to true, or remove discover to poll the"
              + " source as a plain source");
    }
    if (d.url() != null && !d.url().isBlank() && !isUrl(d.url().strip())) {
      problems.add(
          at
              + ".url: '"
              + d.url()
              + "' is not a repository URL; write the URL Flux GitRepositories and Argo CD"
              + " Applications use for this repository, e.g. https://github.com/acme/fleet");
    }
    Map<String, String> repositories = new LinkedHashMap<>();
    Map<String, String> declared = d.repositories() == null ? Map.of() : d.repositories();
    declared.forEach(
        (prefix, target) -> {
          String key = at + ".repositories['" + prefix + "']";
          if (!isUrl(prefix.strip())) {
            problems.add(
                key
                    + ": the key must be a repository URL or URL prefix, e.g. https://github.com/acme/");
          } else if (target == null || target.isBlank()) {
            problems.add(key + ": give a local path or a URL to fetch these repositories from");
          } else if (isUrl(target.strip())) {
            repositories.put(prefix.strip(), target.strip());
          } else {
            Path local = resolve.apply(target.strip());
            if (!Files.isDirectory(local)) {
              problems.add(
                  key
                      + ": "
                      + local
                      + " is not a directory; give the path of a Git repository or of a directory"
                      + " of repositories (relative paths are read from the config file's"
                      + " directory)");
            }
            repositories.put(prefix.strip(), local.toString());
          }
        });
    Map<String, String> clusters = new LinkedHashMap<>();
    Map<String, String> declaredClusters = d.clusters() == null ? Map.of() : d.clusters();
    declaredClusters.forEach(
        (destination, cluster) -> {
          String key = at + ".clusters['" + destination + "']";
          if (cluster == null || cluster.isBlank()) {
            problems.add(key + ": give the name of the driftwatch cluster it means");
          } else if (!clusterNames.isEmpty() && !clusterNames.contains(cluster.strip())) {
            problems.add(
                key
                    + ": '"
                    + cluster
                    + "' is not declared under clusters; declared: "
                    + clusterNames.stream().sorted().toList());
          } else {
            clusters.put(destination.strip(), cluster.strip());
          }
        });
    if (d.defaultBranch() != null && d.defaultBranch().isBlank()) {
      problems.add(
          at + ".defaultBranch: empty; give the branch Argo CD's HEAD means (default main)");
    }
    return new DiscoveryConfig(flux, argo, d.url(), repositories, clusters, d.defaultBranch());
  }

  private static boolean isUrl(String text) {
    return text.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.+") || text.matches("^[\\w.-]+@[\\w.-]+:.+");
  }
}
