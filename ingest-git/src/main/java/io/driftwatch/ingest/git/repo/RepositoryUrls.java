package io.driftwatch.ingest.git.repo;

import java.util.regex.Pattern;

/** Removes credentials from repository URLs before they reach a message, a log line or a topic. */
public final class RepositoryUrls {

  // scheme://user:password@host → scheme://***@host (also for a user alone, which may be a token).
  private static final Pattern USER_INFO =
      Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\\s]+@");

  private RepositoryUrls() {}

  /** The URL without its user-info part; local paths are returned unchanged. */
  public static String redact(String url) {
    return url == null ? null : USER_INFO.matcher(url).replaceAll("$1***@");
  }

  /** A message from a Git library with every occurrence of the URL, and any user-info, redacted. */
  public static String redactMessage(String message, String url) {
    if (message == null) {
      return "";
    }
    String out = url == null || url.isEmpty() ? message : message.replace(url, redact(url));
    return redact(out);
  }
}
