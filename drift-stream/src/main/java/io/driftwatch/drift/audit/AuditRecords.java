package io.driftwatch.drift.audit;

import io.driftwatch.model.AuditRecord;
import io.driftwatch.model.AuditRecord.Category;
import io.driftwatch.model.AuditRecord.What;
import io.driftwatch.model.DriftCause;
import io.driftwatch.model.DriftEvent;
import io.driftwatch.model.FieldDiff;
import io.driftwatch.model.FieldOwner;
import io.driftwatch.model.ReconcileEvent;
import io.driftwatch.model.RemediationRequest;
import io.driftwatch.model.ResourceKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Maps what the pipeline publishes to {@link AuditRecord}s: a pure function of the one record, so
 * that the same transition or request, read again, yields the same audit record and the same id.
 * Messages name fields and managers but never a field's value.
 */
public final class AuditRecords {

  /** Longest message: one line in a table, not a log excerpt. */
  static final int MAX_MESSAGE = 300;

  private static final int PATHS_IN_MESSAGE = 3;

  private AuditRecords() {}

  /**
   * A drift transition, with its cause when it carries one.
   *
   * @throws IllegalArgumentException when the event lacks its transition or times
   */
  public static AuditRecord drift(ResourceKey subject, DriftEvent event) {
    require(event.transition() != null, "drift event", subject, "has no transition");
    require(event.openedAt() != null, "drift event", subject, "has no openedAt");
    require(event.at() != null, "drift event", subject, "has no at");
    What what =
        switch (event.transition()) {
          case OPENED -> What.OPENED;
          case UPDATED -> What.UPDATED;
          case RESOLVED -> What.RESOLVED;
        };
    DriftCause cause = event.cause();
    String type = event.driftType() == null ? "" : event.driftType() + " ";
    String message =
        switch (what) {
          case OPENED -> type + "drift opened" + differing(event.diffs()) + setBy(cause);
          case UPDATED -> type + "drift changed" + differing(event.diffs()) + setBy(cause);
          default ->
              type
                  + "drift resolved"
                  + (event.durationMillis() == null
                      ? ""
                      : " after " + human(Duration.ofMillis(event.durationMillis())));
        };
    return new AuditRecord(
        AuditRecord.SCHEMA_VERSION,
        id(Category.DRIFT, subject, what, event.openedAt(), event.at()),
        event.at(),
        subject,
        Category.DRIFT,
        what,
        cause != null && cause.commit() != null ? cause.commit() : event.desiredCommit(),
        cause == null ? null : cause.author(),
        cause == null ? null : cause.commitTime(),
        cause == null ? List.of() : cause.managers(),
        cause == null ? null : cause.liveResourceVersion(),
        cause == null ? null : cause.liveObservedAt(),
        shorten(message));
  }

  /**
   * A reconcile-failure transition; the subject is the reconciler and the commit its revision.
   *
   * @throws IllegalArgumentException when the event lacks its transition or time
   */
  public static AuditRecord reconcile(ResourceKey subject, ReconcileEvent event) {
    require(event.transition() != null, "reconcile event", subject, "has no transition");
    require(event.at() != null, "reconcile event", subject, "has no at");
    What what =
        switch (event.transition()) {
          case FAILING -> What.FAILING;
          case RECOVERED -> What.RECOVERED;
          case DELETED -> What.DELETED;
        };
    String tool = event.tool() == null ? "reconciler" : tool(event) + " reconciler";
    String duration =
        event.durationMillis() == null
            ? ""
            : " after " + human(Duration.ofMillis(event.durationMillis()));
    String message =
        switch (what) {
          case FAILING ->
              tool
                  + " failing (failure "
                  + event.attempts()
                  + ")"
                  + joined(": ", event.reason())
                  + joined(": ", event.message());
          case RECOVERED ->
              tool + " recovered" + duration + joined(" at revision ", event.revision());
          default -> tool + " deleted while failing" + duration + joined(": ", event.reason());
        };
    return new AuditRecord(
        AuditRecord.SCHEMA_VERSION,
        id(Category.RECONCILE, subject, what, event.failingSince(), event.at()),
        event.at(),
        subject,
        Category.RECONCILE,
        what,
        event.revision(),
        null,
        null,
        List.of(),
        null,
        null,
        shorten(message));
  }

  /**
   * A remediation request: REQUESTED, or ESCALATED for the one escalation. Its id follows the
   * request's idempotency key, so a replayed request is recognisable here as it is for executors.
   */
  public static AuditRecord remediation(ResourceKey subject, RemediationRequest request) {
    What what = request.escalated() ? What.ESCALATED : What.REQUESTED;
    String action = request.action().name().toLowerCase(Locale.ROOT);
    String rule = joined(" by rule ", request.rule());
    String message =
        request.escalated()
            ? "escalated after "
                + request.attempt()
                + " "
                + action
                + " attempt(s)"
                + rule
                + ": the drift persists"
            : action + " requested, attempt " + request.attempt() + rule;
    return new AuditRecord(
        AuditRecord.SCHEMA_VERSION,
        digest(Category.REMEDIATION + "\n" + request.idempotencyKey()),
        request.requestedAt(),
        subject,
        Category.REMEDIATION,
        what,
        request.desiredCommit(),
        null,
        null,
        List.of(),
        null,
        null,
        shorten(message));
  }

  private static String differing(List<FieldDiff> diffs) {
    if (diffs.isEmpty()) {
      return "";
    }
    String paths =
        diffs.stream()
            .limit(PATHS_IN_MESSAGE)
            .map(FieldDiff::path)
            .collect(Collectors.joining(", "));
    int more = diffs.size() - PATHS_IN_MESSAGE;
    return "; differs at " + paths + (more > 0 ? " and " + more + " more" : "");
  }

  private static String setBy(DriftCause cause) {
    if (cause == null || cause.managers().isEmpty()) {
      return "";
    }
    return "; live set by "
        + cause.managers().stream().map(FieldOwner::manager).collect(Collectors.joining(", "));
  }

  private static String tool(ReconcileEvent event) {
    return switch (event.tool()) {
      case FLUX -> "Flux";
      case ARGO_CD -> "Argo CD";
      case OPENCHOREO -> "OpenChoreo";
    };
  }

  private static String joined(String separator, String text) {
    return text == null || text.isBlank() ? "" : separator + text.strip();
  }

  /** {@code 2m30s}, {@code 45s}, {@code 1h5m}: how people read durations in a table. */
  static String human(Duration duration) {
    return duration.toString().substring(2).toLowerCase(Locale.ROOT);
  }

  private static String shorten(String message) {
    String oneLine = message.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= MAX_MESSAGE ? oneLine : oneLine.substring(0, MAX_MESSAGE - 1) + "…";
  }

  private static String id(
      Category category, ResourceKey subject, What what, Object onset, Object at) {
    return digest(category + "\n" + subject + "\n" + what + "\n" + onset + "\n" + at);
  }

  private static String digest(String identity) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(identity.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256, which every Java 17 JVM has", e);
    }
  }

  private static void require(boolean ok, String what, ResourceKey subject, String problem) {
    if (!ok) {
      throw new IllegalArgumentException(what + " for " + subject + " " + problem);
    }
  }
}
