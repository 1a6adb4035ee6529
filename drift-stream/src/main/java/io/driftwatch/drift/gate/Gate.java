package io.driftwatch.drift.gate;

import io.driftwatch.model.DriftType;
import io.driftwatch.model.ReconcilerStatus;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.SourcePhase;
import io.driftwatch.model.SourceStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Decides whether a raw drift may be published, by the rules of docs/drift-semantics.md §9:
 *
 * <ul>
 *   <li>{@code MISSING_LIVE} needs the cluster's watch of that kind to be SYNCED (its initial list
 *       or re-list finished); {@code EXTRA_LIVE} needs the Git source that last declared the
 *       resource to be SYNCED (its commit fully rendered). Otherwise the resource is UNKNOWN.
 *   <li>A SYNCED report counts once this instance has processed input as recent as the report (its
 *       stream time has passed the report's time), or {@link GateSettings#settle()} after the
 *       report: input published before the report is then processed before the verdict is trusted.
 *   <li>Any drift whose reconciler has not applied the desired commit (neither the commit itself
 *       nor the source's current revision) is PENDING until the grace period, counted from the
 *       commit time or from when the difference was first seen if earlier, runs out. With no
 *       reconciler known, the grace period alone decides.
 * </ul>
 */
public final class Gate {

  private final GateSettings settings;

  public Gate(GateSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  public GateSettings settings() {
    return settings;
  }

  /**
   * @param key the resource
   * @param rawType the drift type of the raw verdict (never NONE)
   * @param in what is known about the resource's source and reconciler
   * @param firstSeen when drift-stream first saw this difference at this commit
   * @param streamTimeMs the processing task's stream time (the largest input timestamp it has seen)
   * @param now the processing wall-clock time
   */
  public Decision judge(
      ResourceKey key,
      DriftType rawType,
      GateInputs in,
      Instant firstSeen,
      Authorities authorities,
      long streamTimeMs,
      Instant now) {
    SourceStatus gitSource =
        in.gitSource() == null ? null : authorities.source(SourceStatus.gitSource(in.gitSource()));
    if (rawType == DriftType.MISSING_LIVE) {
      String clusterKey = SourceStatus.clusterSource(key.cluster(), key.group(), key.kind());
      String waiting =
          notAuthoritative(clusterKey, authorities.source(clusterKey), streamTimeMs, now);
      if (waiting != null) {
        return Decision.unknown(waiting);
      }
    } else if (rawType == DriftType.EXTRA_LIVE) {
      if (in.gitSource() == null) {
        return Decision.unknown("no Git source is known to have declared it");
      }
      String waiting =
          notAuthoritative(SourceStatus.gitSource(in.gitSource()), gitSource, streamTimeMs, now);
      if (waiting != null) {
        return Decision.unknown(waiting);
      }
    }
    return pending(rawType, in, gitSource, firstSeen, authorities, now);
  }

  private Decision pending(
      DriftType rawType,
      GateInputs in,
      SourceStatus gitSource,
      Instant firstSeen,
      Authorities authorities,
      Instant now) {
    // The source's revision stands for this resource's commit only if the source reported it
    // after that commit was made: the resource did not change since. A report older than the
    // commit is one the commit has overtaken.
    boolean sourceCurrent =
        gitSource != null
            && gitSource.observedAt() != null
            && (in.commitTime() == null || gitSource.observedAt().isAfter(in.commitTime()));
    String sourceRevision = sourceCurrent ? gitSource.revision() : null;
    String awaited =
        rawType == DriftType.EXTRA_LIVE
            ? (gitSource == null ? null : gitSource.revision())
            : in.desiredCommit();
    ReconcilerStatus reconciler =
        in.reconciler() == null ? null : authorities.reconciler(in.reconciler());
    if (reconciler != null
        && (RevisionMatch.names(reconciler.lastAppliedRevision(), awaited)
            || RevisionMatch.names(reconciler.lastAppliedRevision(), sourceRevision))) {
      return Decision.STANDS;
    }
    Instant start = firstSeen;
    if (in.commitTime() != null
        && rawType != DriftType.EXTRA_LIVE
        && in.commitTime().isBefore(start)) {
      start = in.commitTime();
    }
    Instant deadline = start.plus(settings.pendingGrace());
    if (!now.isBefore(deadline)) {
      return Decision.STANDS;
    }
    return Decision.pending(waitingFor(in, reconciler, awaited) + " until " + deadline);
  }

  private static String waitingFor(GateInputs in, ReconcilerStatus reconciler, String awaited) {
    String commit = awaited == null ? "the desired commit" : abbreviate(awaited);
    if (in.reconciler() == null) {
      return "no reconciler is known to manage it; grace period for " + commit;
    }
    String who =
        in.reconciler().kind() + " " + in.reconciler().namespace() + "/" + in.reconciler().name();
    if (reconciler == null) {
      return "waiting for " + who + " (no status seen) to apply " + commit;
    }
    String last = reconciler.lastAppliedRevision();
    return "waiting for "
        + who
        + " to apply "
        + commit
        + " (last applied "
        + (last == null ? "nothing yet" : last)
        + ")";
  }

  /** Why the source cannot prove absence yet, or null when it can. */
  private String notAuthoritative(
      String sourceKey, SourceStatus status, long streamTimeMs, Instant now) {
    if (status == null) {
      return "no status yet from " + sourceKey;
    }
    if (status.phase() != SourcePhase.SYNCED) {
      String message = status.message() == null ? "" : ": " + status.message();
      return sourceKey + " is " + status.phase() + message;
    }
    Instant reported = status.observedAt();
    if (reported == null || reported.toEpochMilli() <= streamTimeMs) {
      return null;
    }
    Duration since = Duration.between(reported, now);
    if (since.compareTo(settings.settle()) >= 0) {
      return null;
    }
    return sourceKey + " reported SYNCED at " + reported + "; catching up with input before then";
  }

  private static String abbreviate(String sha) {
    return sha.length() > 12 ? sha.substring(0, 12) : sha;
  }
}
