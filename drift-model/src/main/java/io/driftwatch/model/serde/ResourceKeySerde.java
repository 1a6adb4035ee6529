package io.driftwatch.model.serde;

import io.driftwatch.model.ResourceKey;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Resource keys as the UTF-8 bytes of their canonical string form. Desired and live use this one
 * serde, so equal keys are equal bytes and land on the same partition number of both topics.
 */
public final class ResourceKeySerde implements Serde<ResourceKey> {

  @Override
  public Serializer<ResourceKey> serializer() {
    return (topic, key) -> key == null ? null : key.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public Deserializer<ResourceKey> deserializer() {
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      try {
        return ResourceKey.parse(new String(bytes, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw new SerializationException(
            "Bad record key on topic " + topic + ": " + e.getMessage());
      }
    };
  }
}
