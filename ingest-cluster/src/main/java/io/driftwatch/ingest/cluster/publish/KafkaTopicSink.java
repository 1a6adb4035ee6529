package io.driftwatch.ingest.cluster.publish;

import io.driftwatch.model.KafkaSettings;
import io.driftwatch.model.topic.Topic;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link TopicSink} over one idempotent producer with {@code acks=all}, shared by every cluster:
 * records of one key stay in order and a broker retry never duplicates them. Failures are logged
 * with the topic and key, never the value.
 */
public final class KafkaTopicSink implements TopicSink {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaTopicSink.class);

  private final Producer<byte[], byte[]> producer;

  /** Room for the key and the record's framing around a value of the largest allowed size. */
  static final int REQUEST_HEADROOM_BYTES = 64 * 1024;

  /**
   * @param maxValueBytes the largest value this sink will be asked to send; the producer's request
   *     limit is raised to fit it when needed (the topic's {@code max.message.bytes} must fit it
   *     too)
   */
  public KafkaTopicSink(KafkaSettings settings, String clientId, long maxValueBytes) {
    this(new KafkaProducer<>(producerConfig(settings, clientId, maxValueBytes)));
  }

  KafkaTopicSink(Producer<byte[], byte[]> producer) {
    this.producer = producer;
  }

  static Properties producerConfig(KafkaSettings settings, String clientId, long maxValueBytes) {
    Properties props = settings.clientConfig();
    long request = Math.max(1024 * 1024, maxValueBytes + REQUEST_HEADROOM_BYTES);
    props.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Long.toString(request));
    props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return props;
  }

  @Override
  public <K, V> void send(Topic<K, V> topic, K key, V value) {
    byte[] keyBytes = topic.keySerde().serializer().serialize(topic.name(), key);
    byte[] valueBytes = topic.valueSerde().serializer().serialize(topic.name(), value);
    producer.send(
        new ProducerRecord<>(topic.name(), keyBytes, valueBytes),
        (metadata, error) -> {
          if (error != null) {
            LOG.error(
                "Could not publish to {} the record keyed {}: {}",
                topic.name(),
                key,
                error.toString());
          }
        });
  }

  @Override
  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    try {
      producer.close(Duration.ofSeconds(10));
    } catch (RuntimeException e) {
      LOG.warn("Closing the ingest-cluster producer failed: {}", e.toString());
    }
  }
}
