package io.driftwatch.drift.query;

/**
 * A query that cannot be answered as asked (a malformed key or parameter): answered 400 with this
 * message, which names the parameter and the form expected.
 */
public final class BadQueryException extends RuntimeException {

  public BadQueryException(String message) {
    super(message);
  }
}
