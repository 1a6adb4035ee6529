package io.driftwatch.model.topic;

/** The topics on the cluster cannot be used as they are; the message says what to change. */
public final class TopicLayoutException extends RuntimeException {

  public TopicLayoutException(String message) {
    super(message);
  }

  public TopicLayoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
