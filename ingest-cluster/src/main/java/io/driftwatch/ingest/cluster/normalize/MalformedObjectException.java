package io.driftwatch.ingest.cluster.normalize;

/**
 * An observed object that cannot become a {@link io.driftwatch.model.LiveState}. The message names
 * the problem and never the object's content.
 */
public final class MalformedObjectException extends Exception {

  private final String origin;

  public MalformedObjectException(String origin, String reason) {
    super(reason);
    this.origin = origin;
  }

  /** Where the object came from: {@code <cluster>/<apiVersion>/<kind>/<namespace>/<name>}. */
  public String origin() {
    return origin;
  }

  /** What is wrong with it. */
  public String reason() {
    return getMessage();
  }
}
