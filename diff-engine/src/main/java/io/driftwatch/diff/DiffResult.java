package io.driftwatch.diff;

import io.driftwatch.model.DriftType;
import io.driftwatch.model.FieldDiff;
import java.util.List;

/**
 * The engine's verdict for one resource.
 *
 * @param type {@link DriftType#NONE} when desired and live agree after normalisation and ignore
 *     rules
 * @param fields each differing field, in the order of the desired document, then fields only live
 *     has; empty for NONE, MISSING_LIVE and EXTRA_LIVE
 */
public record DiffResult(DriftType type, List<FieldDiff> fields) {

  public DiffResult {
    fields = List.copyOf(fields);
  }

  /** True when there is nothing to report. */
  public boolean inSync() {
    return type == DriftType.NONE;
  }
}
