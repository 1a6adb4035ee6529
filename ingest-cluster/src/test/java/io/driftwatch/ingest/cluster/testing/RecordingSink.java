package io.driftwatch.ingest.cluster.testing;

import io.driftwatch.ingest.cluster.publish.TopicSink;
import io.driftwatch.model.topic.Topic;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link TopicSink} that keeps what was sent, serialised with the topic's serdes and back. */
public final class RecordingSink implements TopicSink {

  /** One record as a consumer would read it, plus its raw value bytes. */
  public record Sent(String topic, Object key, Object value, byte[] rawValue) {}

  private final List<Sent> sent = new CopyOnWriteArrayList<>();

  @Override
  public <K, V> void send(Topic<K, V> topic, K key, V value) {
    byte[] keyBytes = topic.keySerde().serializer().serialize(topic.name(), key);
    byte[] valueBytes = topic.valueSerde().serializer().serialize(topic.name(), value);
    sent.add(
        new Sent(
            topic.name(),
            topic.keySerde().deserializer().deserialize(topic.name(), keyBytes),
            topic.valueSerde().deserializer().deserialize(topic.name(), valueBytes),
            valueBytes));
  }

  public List<Sent> sent() {
    return List.copyOf(sent);
  }

  public List<Sent> on(Topic<?, ?> topic) {
    return sent.stream().filter(s -> s.topic().equals(topic.name())).toList();
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
