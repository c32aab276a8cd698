package org.iprradar.ingest.http;

import java.util.Objects;
import java.util.function.ToLongFunction;
import org.iprradar.common.kafka.Topic;
import org.iprradar.ingest.validate.RecordValidator;
import org.iprradar.ingest.versions.ListingVersions;

/**
 * One kind of record partners send: where it goes, how it is checked, and, for listings, how its
 * version is found so that an older or equal version is not sent again.
 *
 * @param versions the table of latest versions, or null when the feed is not versioned
 * @param versionOf the record's version; 0 or less means unversioned (always sent)
 */
public record Feed<T>(
    String name,
    Topic<String, T> topic,
    RecordValidator<T> validator,
    ListingVersions versions,
    ToLongFunction<T> versionOf) {

  public Feed {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(validator, "validator");
  }

  public static <T> Feed<T> unversioned(
      String name, Topic<String, T> topic, RecordValidator<T> validator) {
    return new Feed<>(name, topic, validator, null, null);
  }

  byte[] serialize(T value) {
    return topic.valueSerde().serializer().serialize(topic.name(), value);
  }
}
