package io.driftwatch.drift.health;

/**
 * A field a health rule reads has a type the Kubernetes API never gives it. The assessment then
 * becomes {@link HealthStatus#UNKNOWN} with this message, as Argo CD does when it cannot convert an
 * object; the message names the field and its JSON type, never its value.
 */
final class UnreadableFieldException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  UnreadableFieldException(String field, String found, String expected) {
    super(
        field
            + " is "
            + found
            + ", expected "
            + expected
            + "; health is Unknown until it is corrected");
  }
}
