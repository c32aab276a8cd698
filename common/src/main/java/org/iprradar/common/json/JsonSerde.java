package org.iprradar.common.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka serde for one record type as JSON. A value that cannot be read fails with a {@link
 * SerializationException} naming the type, which the topologies turn into a dead letter.
 */
public final class JsonSerde<T> implements Serde<T> {

  private final Class<T> type;
  private final ObjectReader reader;
  private final ObjectWriter writer;

  public JsonSerde(Class<T> type) {
    this(type, Json.mapper());
  }

  /**
   * A serde with a mapper of its own: the project's configuration with a module added, for a reader
   * that needs more from a parse than the value.
   */
  public JsonSerde(Class<T> type, ObjectMapper mapper) {
    this.type = type;
    this.reader = mapper.readerFor(type);
    this.writer = mapper.writerFor(type);
  }

  /** Reads one value, failing with a message that names the type and Jackson's reason. */
  public T read(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    try {
      return reader.readValue(bytes);
    } catch (JsonProcessingException e) {
      throw new SerializationException(
          "not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new SerializationException("cannot read " + type.getSimpleName() + ": " + e, e);
    } catch (RuntimeException e) {
      // Compact constructors reject missing required fields with NPE or IAE.
      throw new SerializationException("not a valid " + type.getSimpleName() + ": " + e, e);
    }
  }

  public byte[] write(T value) {
    if (value == null) {
      return null;
    }
    try {
      return writer.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new SerializationException("cannot write " + type.getSimpleName(), e);
    }
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> write(value);
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> read(bytes);
  }
}
