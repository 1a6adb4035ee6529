package io.driftwatch.ingest.git.discover;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Ids of discovered sources: {@code <fleet id>.<namespace>.<name>} for a Flux Kustomization and
 * {@code <fleet id>.argo.<name>} for an Argo CD Application, readable and stable across commits.
 * They follow the rules of configured source ids (lower case, digits, '.', '_', '-', at most 63),
 * because they name mirror directories and transactional ids too: an id that would be longer keeps
 * its first 54 characters and ends with 8 hex digits of the SHA-256 of the full id, so it stays
 * unique.
 */
final class ChildIds {

  static final int MAX_LENGTH = 63;
  private static final Pattern NOT_ALLOWED = Pattern.compile("[^a-z0-9._-]");
  private static final Pattern EDGE = Pattern.compile("^[._-]+|[._-]+$");

  private ChildIds() {}

  static String flux(String fleetId, String namespace, String name) {
    return of(fleetId + "." + namespace + "." + name);
  }

  static String argo(String fleetId, String name) {
    return of(fleetId + ".argo." + name);
  }

  /** The id of one of several sources of a multi-source Application (1-based position). */
  static String argo(String fleetId, String name, int position) {
    return of(fleetId + ".argo." + name + "." + position);
  }

  static String of(String full) {
    String id = NOT_ALLOWED.matcher(full.toLowerCase(Locale.ROOT)).replaceAll("-");
    id = EDGE.matcher(id).replaceAll("");
    if (id.length() <= MAX_LENGTH) {
      return id;
    }
    String head = EDGE.matcher(id.substring(0, MAX_LENGTH - 9)).replaceAll("");
    return head + "-" + sha256(full).substring(0, 8);
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
