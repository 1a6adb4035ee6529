package io.driftwatch.drift.gate;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a reconciler's revision names a given commit. Reconcilers write revisions in their own
 * forms: Flux {@code main@sha1:<sha>} (and {@code main/<sha>} before Flux 2.0), Argo CD the bare
 * sha, OpenChoreo a sha or a release name. A match is the full sha, or an abbreviated sha of at
 * least 7 hex digits that the full sha starts with.
 */
public final class RevisionMatch {

  private static final Pattern HEX_RUN = Pattern.compile("[0-9a-f]{7,64}");

  private RevisionMatch() {}

  /** True when {@code revision} names {@code commit}; false when either is null or blank. */
  public static boolean names(String revision, String commit) {
    if (revision == null || commit == null || revision.isBlank() || commit.isBlank()) {
      return false;
    }
    String rev = revision.toLowerCase(Locale.ROOT);
    String sha = commit.toLowerCase(Locale.ROOT);
    Matcher hex = HEX_RUN.matcher(rev);
    while (hex.find()) {
      String run = hex.group();
      boolean delimited =
          (hex.start() == 0 || !Character.isLetterOrDigit(rev.charAt(hex.start() - 1)))
              && (hex.end() == rev.length() || !Character.isLetterOrDigit(rev.charAt(hex.end())));
      if (delimited && sha.startsWith(run)) {
        return true;
      }
    }
    return false;
  }
}
