package io.driftwatch.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.model.DeadLetter;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.topic.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler.Response;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler.Result;
import org.apache.kafka.streams.errors.ProcessorStateException;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

class DeadLetterProcessingHandlerTest {

  private static final ResourceKey WEB = DriftInputs.deployment("prod", "web");
  private static final Record<ResourceKey, String> RECORD = new Record<>(WEB, "sides", 0L);

  private final DeadLetterProcessingHandler handler = new DeadLetterProcessingHandler();

  @Test
  void aRefusedRecordBecomesADeadLetterKeyedByItsOriginAndProcessingResumes() {
    Response response =
        handler.handleError(
            context("gitops.live-state.v1", 4, 17),
            RECORD,
            new RejectedRecordException("the live state has no manifest"));

    assertThat(response.result()).isEqualTo(Result.RESUME);
    ProducerRecord<byte[], byte[]> sent = response.deadLetterQueueRecords().get(0);
    assertThat(response.deadLetterQueueRecords()).hasSize(1);
    assertThat(sent.topic()).isEqualTo(Topics.DEAD_LETTER.name());
    String key = Topics.DEAD_LETTER.keySerde().deserializer().deserialize(sent.topic(), sent.key());
    DeadLetter letter =
        Topics.DEAD_LETTER.valueSerde().deserializer().deserialize(sent.topic(), sent.value());
    assertThat(key).isEqualTo("gitops.live-state.v1-4@17");
    assertThat(letter.origin()).isEqualTo(key);
    assertThat(letter.stage()).isEqualTo("drift-stream");
    assertThat(letter.reason())
        .isEqualTo(
            "processor drift-episode-processor refused resource "
                + WEB
                + ": the live state has no manifest");
  }

  @Test
  void anUnexpectedExceptionIsNamedAsABugTheRecordRevealed() {
    Response response =
        handler.handleError(
            context("gitops.desired-state.v1", 0, 3), RECORD, new ArithmeticException("Overflow"));

    assertThat(response.result()).isEqualTo(Result.RESUME);
    DeadLetter letter = letter(response);
    assertThat(letter.reason())
        .contains("refused resource " + WEB)
        .contains("unexpected java.lang.ArithmeticException: Overflow")
        .contains("drift-stream bug");
  }

  @Test
  void aFailureOfKafkaOrOfTheStateIsNotTheRecordsFaultAndStopsTheThread() {
    Response response =
        handler.handleError(
            context("gitops.live-state.v1", 0, 3),
            RECORD,
            new ProcessorStateException("cannot write to the state directory"));

    assertThat(response.result()).isEqualTo(Result.FAIL);
    assertThat(response.deadLetterQueueRecords()).isEmpty();
  }

  @Test
  void aVeryLongReasonIsCutSoNoDocumentTravelsInADeadLetter() {
    Response response =
        handler.handleError(
            context("gitops.live-state.v1", 0, 3),
            RECORD,
            new IllegalStateException("x".repeat(5_000)));

    assertThat(letter(response).reason()).hasSizeLessThanOrEqualTo(1_001).endsWith("…");
  }

  private static DeadLetter letter(Response response) {
    ProducerRecord<byte[], byte[]> sent = response.deadLetterQueueRecords().get(0);
    return Topics.DEAD_LETTER.valueSerde().deserializer().deserialize(sent.topic(), sent.value());
  }

  private static ErrorHandlerContext context(String topic, int partition, long offset) {
    return new Context(topic, partition, offset);
  }

  /** What Kafka Streams tells the handler about the failing record: plain values. */
  private record Context(String topic, int partition, long offset) implements ErrorHandlerContext {

    @Override
    public Headers headers() {
      return new RecordHeaders();
    }

    @Override
    public String processorNodeId() {
      return DriftTopology.EPISODE_PROCESSOR;
    }

    @Override
    public TaskId taskId() {
      return new TaskId(0, partition);
    }

    @Override
    public long timestamp() {
      return 0L;
    }

    @Override
    public byte[] sourceRawKey() {
      return null;
    }

    @Override
    public byte[] sourceRawValue() {
      return null;
    }
  }
}
