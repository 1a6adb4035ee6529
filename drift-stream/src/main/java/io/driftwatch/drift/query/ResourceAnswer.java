package io.driftwatch.drift.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.model.DriftEvent;
import io.driftwatch.model.FieldDiff;
import io.driftwatch.model.ResourceKey;
import java.util.List;

/**
 * The answer to {@code GET /api/v1/resources/<key>}.
 *
 * @param status the current status as on {@code gitops.drift-status.v1}, without its {@code diffs}
 *     (they are {@link #differences()}); null when drift-stream no longer tracks the resource but
 *     still remembers its transitions
 * @param differences the fields where desired and live disagree now
 * @param transitions the most recent transitions, newest first
 */
public record ResourceAnswer(
    ResourceKey key,
    ObjectNode status,
    List<FieldDiff> differences,
    List<DriftEvent> transitions) {}
