package io.driftwatch.ingest.git.discover;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where driftwatch fetches a repository that a Flux GitRepository or an Argo CD Application names
 * by URL. A URL that names the fleet's own repository is read from the fleet's repository; a URL
 * under a configured prefix is read from where the prefix maps to (a local mirror, for tests and
 * air-gapped sites); any other URL is fetched as written. URLs are compared by host and path: the
 * scheme, user, a {@code .git} suffix, a trailing slash and the case of the host do not matter, and
 * the scp-like form {@code git@host:org/repo} is the same repository as {@code
 * ssh://git@host/org/repo}.
 */
public final class RepositoryLocator {

  private static final Pattern URL =
      Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*)://(?:[^/@]*@)?([^/:]+)(?::(\\d+))?(/.*)?$");
  private static final Pattern SCP = Pattern.compile("^([^@/:\\s]+@)([^/:\\s]+):(?!//)(.+)$");

  private final String fleetRepository;
  private final String fleetIdentity;
  private final Optional<String> fleetUrlIdentity;
  private final Map<String, String> prefixes = new LinkedHashMap<>();

  /**
   * @param fleetRepository where the fleet's repository is fetched from (a path or a URL)
   * @param fleetUrl the URL Flux and Argo CD objects use for the fleet's repository, or null
   * @param repositories URL prefix to where repositories under it are fetched (a path or a URL)
   */
  public RepositoryLocator(
      String fleetRepository, String fleetUrl, Map<String, String> repositories) {
    this.fleetRepository = fleetRepository;
    this.fleetIdentity = identity(fleetRepository);
    this.fleetUrlIdentity =
        fleetUrl == null || fleetUrl.isBlank() ? Optional.empty() : Optional.of(identity(fleetUrl));
    repositories.forEach((prefix, target) -> prefixes.put(identity(prefix), target.strip()));
  }

  /** True when {@code url} names the fleet's own repository. */
  public boolean isFleet(String url) {
    String id = identity(url);
    return id.equals(fleetIdentity) || fleetUrlIdentity.map(id::equals).orElse(false);
  }

  /** Where to fetch the repository {@code url} names. */
  public String locate(String url) {
    if (isFleet(url)) {
      return fleetRepository;
    }
    String id = identity(url);
    String best = null;
    for (String prefix : prefixes.keySet()) {
      if ((id.equals(prefix) || id.startsWith(prefix + "/"))
          && (best == null || prefix.length() > best.length())) {
        best = prefix;
      }
    }
    if (best == null) {
      Matcher scp = SCP.matcher(url.strip());
      return scp.matches()
          ? "ssh://" + scp.group(1) + scp.group(2) + "/" + scp.group(3)
          : url.strip();
    }
    String target = prefixes.get(best);
    String rest = id.substring(best.length());
    if (rest.isEmpty()) {
      return target;
    }
    if (URL.matcher(target).matches()) {
      return (target.endsWith("/") ? target.substring(0, target.length() - 1) : target) + rest;
    }
    return Path.of(target).resolve(rest.substring(1)).toString();
  }

  /**
   * What two spellings of one repository have in common: {@code host[:port]/path} for a remote URL
   * (lower-case host, no scheme, user, {@code .git} or trailing slash), {@code file:<absolute
   * path>} for a local path or a {@code file://} URL.
   */
  public static String identity(String url) {
    String s = url.strip();
    Matcher scp = SCP.matcher(s);
    if (!s.contains("://") && scp.matches()) {
      return hostPath(scp.group(2), null, scp.group(3));
    }
    Matcher m = URL.matcher(s);
    if (m.matches()) {
      String scheme = m.group(1).toLowerCase(Locale.ROOT);
      if (scheme.equals("file")) {
        String path = s.substring(s.indexOf("://") + 3);
        return local(path.isEmpty() ? "/" : path);
      }
      return hostPath(m.group(2), m.group(3), m.group(4) == null ? "" : m.group(4));
    }
    if (s.startsWith("file:")) {
      return local(s.substring("file:".length()));
    }
    return local(s);
  }

  private static String hostPath(String host, String port, String path) {
    String p = path;
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    if (p.endsWith(".git")) {
      p = p.substring(0, p.length() - 4);
    }
    return host.toLowerCase(Locale.ROOT) + (port == null ? "" : ":" + port) + "/" + p;
  }

  private static String local(String path) {
    // Local directories are compared as they are: repo and repo.git are two directories.
    return "file:" + Path.of(path).toAbsolutePath().normalize();
  }
}
