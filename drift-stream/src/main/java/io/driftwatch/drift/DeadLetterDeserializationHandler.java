package io.driftwatch.drift;

import io.driftwatch.model.topic.Topics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a record whose key or value cannot be read to {@code gitops.dead-letter.v1} as a {@link
 * io.driftwatch.model.DeadLetter} and lets processing go on. It uses Kafka Streams' own dead-letter
 * response (KIP-1034), so the dead letter is written by the task's producer inside the same
 * exactly-once transaction as the skipped offset. Unlike the built-in handlers with {@code
 * errors.dead.letter.queue.topic.name}, it never copies the refused bytes, which may hold data that
 * must not spread.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

  /** The stage named in every dead letter this handler writes. */
  public static final String STAGE = DeadLetterRecords.STAGE;

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

  @Override
  public void configure(Map<String, ?> configs) {}

  @Override
  public Response handleError(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    String origin = DeadLetterRecords.origin(record.topic(), record.partition(), record.offset());
    String reason =
        DeadLetterRecords.bounded(
            exception.getMessage() == null ? exception.toString() : exception.getMessage());
    LOG.warn("Skipping unreadable record {} (sent to {}): {}", origin, Topics.DEAD_LETTER, reason);
    return Response.resume(List.of(DeadLetterRecords.of(origin, reason)));
  }
}
