package io.driftwatch.drift;

import io.driftwatch.model.DeadLetter;
import io.driftwatch.model.topic.Topics;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Builds the dead letters drift-stream's exception handlers hand back to Kafka Streams (KIP-1034),
 * so that the task's own producer writes them inside the same exactly-once transaction as the
 * skipped offset. A dead letter names where the record came from and why it was refused; it never
 * copies the record's bytes.
 */
final class DeadLetterRecords {

  /** The stage named in every dead letter drift-stream writes. */
  static final String STAGE = "drift-stream";

  /** Longest reason kept: enough for the cause, not enough to carry a document along. */
  static final int MAX_REASON_CHARS = 1_000;

  private DeadLetterRecords() {}

  /** {@code topic-partition@offset}, the origin and key of a dead letter. */
  static String origin(String topic, int partition, long offset) {
    return topic + "-" + partition + "@" + offset;
  }

  /** {@code reason} cut to {@link #MAX_REASON_CHARS}, for the dead letter and the log line. */
  static String bounded(String reason) {
    return reason.length() <= MAX_REASON_CHARS
        ? reason
        : reason.substring(0, MAX_REASON_CHARS) + "…";
  }

  /** The dead letter for the record at {@code origin}, serialised for {@code Response.resume}. */
  static ProducerRecord<byte[], byte[]> of(String origin, String reason) {
    DeadLetter letter = DeadLetter.of(STAGE, origin, bounded(reason), Instant.now());
    byte[] key =
        Topics.DEAD_LETTER.keySerde().serializer().serialize(Topics.DEAD_LETTER.name(), origin);
    byte[] value =
        Topics.DEAD_LETTER.valueSerde().serializer().serialize(Topics.DEAD_LETTER.name(), letter);
    return new ProducerRecord<>(Topics.DEAD_LETTER.name(), null, key, value);
  }
}
