package io.driftwatch.ingest.cluster.reconcile;

import static io.driftwatch.ingest.cluster.reconcile.ObservedReconciler.longOrNull;
import static io.driftwatch.ingest.cluster.reconcile.ObservedReconciler.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.ingest.cluster.normalize.MalformedObjectException;
import io.driftwatch.model.ReconcilerStatus.Condition;
import io.driftwatch.model.ReconcilerStatus.ReadyState;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading Kubernetes-style status conditions ({@code type}, {@code status}, {@code reason}, {@code
 * message}, {@code lastTransitionTime}, {@code observedGeneration}) and the readiness rule Flux and
 * OpenChoreo share: the {@code Ready} condition decides, unless it describes an older generation
 * than the object's, in which case nothing is known yet about the current spec.
 */
final class Conditions {

  /** The reason given when the controller has not reported on the current generation yet. */
  static final String STALE_REASON = "Progressing";

  private Conditions() {}

  /**
   * The conditions under {@code status.conditions}, in the controller's order. An entry without a
   * type is skipped (it cannot be named or looked up).
   *
   * @throws MalformedObjectException when conditions is not a list or holds a non-object
   */
  static List<ObservedCondition> parse(ObservedReconciler reconciler)
      throws MalformedObjectException {
    List<ObservedCondition> conditions = new ArrayList<>();
    List<JsonNode> entries =
        reconciler.array(reconciler.status().get("conditions"), "status.conditions");
    for (int i = 0; i < entries.size(); i++) {
      JsonNode entry = entries.get(i);
      if (!entry.isObject()) {
        throw reconciler.malformed("status.conditions[" + i + "] is not an object");
      }
      String type = text(entry.get("type"));
      if (type == null) {
        continue;
      }
      conditions.add(
          new ObservedCondition(
              type,
              text(entry.get("status")),
              text(entry.get("reason")),
              text(entry.get("message")),
              time(entry.get("lastTransitionTime")),
              longOrNull(entry.get("observedGeneration"))));
    }
    return conditions;
  }

  /** The first condition of this type, or null. */
  static ObservedCondition find(List<ObservedCondition> conditions, String type) {
    for (ObservedCondition condition : conditions) {
      if (condition.type().equals(type)) {
        return condition;
      }
    }
    return null;
  }

  /** The conditions as published. */
  static List<Condition> published(List<ObservedCondition> conditions) {
    return conditions.stream().map(ObservedCondition::toCondition).toList();
  }

  /**
   * The readiness from the {@code Ready} condition: True, False or Unknown as written, with its
   * reason and message; UNKNOWN without reason when there is none yet. When the condition or the
   * status says an older generation was observed than {@code metadata.generation}, the verdict is
   * UNKNOWN with reason {@value #STALE_REASON}: the spec changed and the controller has not acted
   * on it, so an old True must not vouch for the new spec (nor an old False condemn it).
   *
   * @param statusObservedGeneration {@code status.observedGeneration}, or null where the kind has
   *     none
   */
  static Verdict readiness(
      List<ObservedCondition> conditions, Long generation, Long statusObservedGeneration) {
    ObservedCondition ready = find(conditions, "Ready");
    if (ready == null) {
      return Verdict.NOT_REPORTED;
    }
    Long observed = olderOf(ready.observedGeneration(), statusObservedGeneration);
    if (generation != null && observed != null && observed < generation) {
      return stale(generation, observed);
    }
    return fromStatus(ready);
  }

  /** The verdict for a spec the controller has not reported on yet. */
  static Verdict stale(long generation, long observed) {
    return new Verdict(
        ReadyState.UNKNOWN,
        STALE_REASON,
        "generation "
            + generation
            + " is not reconciled yet; the controller last reported on generation "
            + observed);
  }

  /** True, False or Unknown as the condition says, with its reason and message. */
  static Verdict fromStatus(ObservedCondition condition) {
    ReadyState state =
        condition.isTrue()
            ? ReadyState.TRUE
            : condition.isFalse() ? ReadyState.FALSE : ReadyState.UNKNOWN;
    return new Verdict(state, condition.reason(), condition.message());
  }

  /** An RFC 3339 time, or null when absent or unreadable (a bad time never fails the record). */
  static Instant time(JsonNode node) {
    String text = text(node);
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Long olderOf(Long a, Long b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : Math.min(a, b);
  }
}
