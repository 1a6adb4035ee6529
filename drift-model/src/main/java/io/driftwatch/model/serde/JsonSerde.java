package io.driftwatch.model.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A null-safe JSON serde for one record type. Errors name the topic and the type but never include
 * the bytes, which could hold data that must not reach a log.
 */
public final class JsonSerde<T> implements Serde<T> {

  private final Class<T> type;

  private JsonSerde(Class<T> type) {
    this.type = type;
  }

  public static <T> JsonSerde<T> of(Class<T> type) {
    return new JsonSerde<>(type);
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> {
      if (value == null) {
        return null;
      }
      try {
        return Json.mapper().writeValueAsBytes(value);
      } catch (JsonProcessingException e) {
        throw new SerializationException(
            "Cannot write "
                + type.getSimpleName()
                + " to topic "
                + topic
                + ": "
                + e.getOriginalMessage(),
            e);
      }
    };
  }

  /**
   * Where and what kind of problem, but not Jackson's own text: it quotes tokens and values from
   * the input, and this message travels to logs and dead letters.
   */
  private static String describe(Exception e) {
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return e.getClass().getSimpleName() + " at field " + mapping.getPathReference();
    }
    if (e instanceof JsonProcessingException processing && processing.getLocation() != null) {
      return e.getClass().getSimpleName()
          + " at line "
          + processing.getLocation().getLineNr()
          + ", column "
          + processing.getLocation().getColumnNr();
    }
    return e.getClass().getSimpleName();
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      try {
        return Json.mapper().readValue(bytes, type);
      } catch (IOException | IllegalArgumentException e) {
        throw new SerializationException(
            "Cannot read "
                + type.getSimpleName()
                + " from topic "
                + topic
                + " ("
                + bytes.length
                + " bytes): "
                + describe(e));
      }
    };
  }
}
