package io.driftwatch.drift;

import io.driftwatch.model.topic.Topics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a record that makes a processor throw to {@code gitops.dead-letter.v1} with the reason, and
 * lets processing go on: one malformed resource must not stop the drift verdicts of every other
 * resource on its partition. Like {@link DeadLetterDeserializationHandler} it answers with Kafka
 * Streams' dead-letter response (KIP-1034), so the dead letter and the skipped record commit in the
 * same exactly-once transaction, and it never copies the record's content.
 *
 * <p>Failures of Kafka or of the local state (any {@link KafkaException}, which includes Streams'
 * own exceptions) are not the record's fault: skipping records would silently lose every record
 * while, say, the state directory is broken. Those still fail the stream thread, and {@link
 * FatalErrorHandler} stops the instance so that another one takes its partitions over.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);

  @Override
  public void configure(Map<String, ?> configs) {}

  @Override
  public Response handleError(
      ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    if (exception instanceof KafkaException) {
      return Response.fail();
    }
    String origin =
        context.topic() == null
            ? "task " + context.taskId() + " processor " + context.processorNodeId()
            : DeadLetterRecords.origin(context.topic(), context.partition(), context.offset());
    String reason = DeadLetterRecords.bounded(reason(context, record, exception));
    LOG.warn("Skipping record {} (sent to {}): {}", origin, Topics.DEAD_LETTER, reason);
    return Response.resume(List.of(DeadLetterRecords.of(origin, reason)));
  }

  /**
   * The processor and resource, then what went wrong: the message of a {@link
   * RejectedRecordException} as written; for anything else, which exception, since an unexpected
   * one is a bug that the record only revealed.
   */
  static String reason(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    String subject =
        "processor "
            + context.processorNodeId()
            + (record == null || record.key() == null ? "" : " refused resource " + record.key());
    if (exception instanceof RejectedRecordException) {
      return subject + ": " + exception.getMessage();
    }
    String message = exception.getMessage();
    return subject
        + ": unexpected "
        + exception.getClass().getName()
        + (message == null ? "" : ": " + message)
        + " (a drift-stream bug this record revealed: please report it with this dead letter)";
  }
}
