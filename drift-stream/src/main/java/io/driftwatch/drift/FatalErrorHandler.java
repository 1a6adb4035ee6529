package io.driftwatch.drift;

import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops this drift-stream instance when a stream thread dies, after logging the root cause.
 *
 * <p>Unreadable input is already diverted to the dead-letter topic, so what reaches here is a bug
 * or a broken environment (state directory, fenced producer that cannot recover, missing topic).
 * Replacing the thread would re-run the same records into the same failure, in a loop that keeps
 * the instance looking RUNNING; shutting the client down instead turns {@code /healthz} red and
 * lets the other instances of the application take over its partitions.
 */
final class FatalErrorHandler implements StreamsUncaughtExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(FatalErrorHandler.class);

  @Override
  public StreamThreadExceptionResponse handle(Throwable exception) {
    Throwable root = exception;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    LOG.error(
        "drift-stream is shutting down this instance: a stream thread failed with {}: {}."
            + " It stops rather than retrying the same records; fix the cause and restart.",
        root.getClass().getName(),
        root.getMessage(),
        exception);
    return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
  }
}
