package io.driftwatch.drift.deploy;

/**
 * A workload's labels cannot be read (a label that is not a string), so its component cannot be
 * told. The message names the label, never its value; the record goes to the dead letters and the
 * stream goes on.
 */
final class WorkloadLabelException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  WorkloadLabelException(String problem) {
    super(problem);
  }
}
