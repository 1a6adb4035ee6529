package io.driftwatch.ingest.git.repo;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes credentials from repository URLs before they reach a message, a log line or a topic, and
 * gives URLs the one form in which credentials are matched to repositories.
 */
public final class RepositoryUrls {

  // scheme://userinfo@ → scheme://***@, except an SSH user name alone (ssh://git@host), which is
  // no secret; over HTTP a user name alone may be a token (https://ghp_xxx@github.com).
  private static final Pattern USER_INFO =
      Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*)://([^/@\\s]+)@");
  private static final Pattern URL =
      Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*)://(?:[^/@]*@)?(\\[[^]]*]|[^/:]*)(?::(\\d*))?(.*)");
  // git's scp-like syntax, [user@]host:path; a one-letter host would be a Windows drive.
  private static final Pattern SCP_LIKE = Pattern.compile("(?:([^@/:]+)@)?([^@/:]{2,}):(?!//)(.*)");

  private RepositoryUrls() {}

  /** The URL without its user-info part; local paths are returned unchanged. */
  public static String redact(String url) {
    if (url == null) {
      return null;
    }
    Matcher m = USER_INFO.matcher(url);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      boolean sshUserAlone =
          m.group(1).toLowerCase(Locale.ROOT).equals("ssh") && m.group(2).indexOf(':') < 0;
      m.appendReplacement(
          out,
          Matcher.quoteReplacement(m.group(1) + "://" + (sshUserAlone ? m.group(2) : "***") + "@"));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** A message from a Git library with every occurrence of the URL, and any user-info, redacted. */
  public static String redactMessage(String message, String url) {
    if (message == null) {
      return "";
    }
    String out = url == null || url.isEmpty() ? message : message.replace(url, redact(url));
    return redact(out);
  }

  /**
   * The form in which a repository URL is compared with the {@code url} prefixes of credentials:
   * {@code scheme://host[:port]/path} with scheme and host in lower case, no user-info, no default
   * port, and git's scp-like {@code git@host:org/repo} written as {@code ssh://host/org/repo}. Null
   * for a local path or a URL that has no host.
   */
  public static String matchForm(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String u = url.strip();
    Matcher m = URL.matcher(u);
    if (m.matches()) {
      String scheme = m.group(1).toLowerCase(Locale.ROOT);
      String host = m.group(2).toLowerCase(Locale.ROOT);
      if (host.isEmpty() || scheme.equals("file")) {
        return null;
      }
      String port = m.group(3) == null || m.group(3).equals(defaultPort(scheme)) ? "" : m.group(3);
      return scheme + "://" + host + (port.isEmpty() ? "" : ":" + port) + m.group(4);
    }
    Matcher scp = SCP_LIKE.matcher(u);
    if (scp.matches()) {
      String path = scp.group(3);
      return "ssh://"
          + scp.group(2).toLowerCase(Locale.ROOT)
          + (path.startsWith("/") ? path : "/" + path);
    }
    return null;
  }

  /** True for {@code ssh://} URLs and git's scp-like {@code [user@]host:path}. */
  public static boolean isSsh(String url) {
    String form = matchForm(url);
    return form != null && form.startsWith("ssh://");
  }

  private static String defaultPort(String scheme) {
    return switch (scheme) {
      case "https" -> "443";
      case "http" -> "80";
      case "ssh" -> "22";
      default -> "";
    };
  }
}
