package org.iprradar.alerts.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.CollectionType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.iprradar.common.model.Assessment;

/**
 * Reads an alert's {@code listings} as Jackson would, and notes on the way where each assessment
 * lies in the bytes: what {@link AlertCodec} needs to copy them into the alert's next version. The
 * parse reads every byte anyway; scanning the alert again for the same offsets was a twelfth of the
 * alerts thread. The spans of the last top-level list read on a thread are taken with {@link
 * #take()}.
 */
final class SpannedListingsDeserializer extends StdDeserializer<List<Assessment>> {

  private static final ThreadLocal<ListingSpans> LAST = new ThreadLocal<>();

  private SpannedListingsDeserializer() {
    super(List.class);
  }

  /** A module that reads every {@code List<Assessment>} with this deserializer. */
  static Module module() {
    return new SimpleModule("listing-spans") {
      @Override
      public void setupModule(SetupContext context) {
        context.addDeserializers(
            new Deserializers.Base() {
              @Override
              public JsonDeserializer<?> findCollectionDeserializer(
                  CollectionType type,
                  DeserializationConfig config,
                  BeanDescription description,
                  TypeDeserializer elementTypes,
                  JsonDeserializer<?> elements) {
                return type.getContentType().hasRawClass(Assessment.class)
                    ? new SpannedListingsDeserializer()
                    : null;
              }
            });
      }
    };
  }

  /** The spans noted by the last parse on this thread, or null; forgets them. */
  static ListingSpans take() {
    ListingSpans spans = LAST.get();
    LAST.remove();
    return spans;
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<Assessment> deserialize(JsonParser parser, DeserializationContext context)
      throws IOException {
    if (!parser.isExpectedStartArrayToken()) {
      return (List<Assessment>) context.handleUnexpectedToken(List.class, parser);
    }
    JsonDeserializer<Object> element =
        context.findRootValueDeserializer(context.constructType(Assessment.class));
    // Only the alert's own list: an array in a field of the root object.
    JsonStreamContext array = parser.getParsingContext();
    boolean noted =
        array.getParent() != null
            && array.getParent().getParent() != null
            && array.getParent().getParent().inRoot();
    int open = (int) parser.currentTokenLocation().getByteOffset();
    var listings = new ArrayList<Assessment>();
    int[] starts = new int[8];
    int[] ends = new int[8];
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (token != JsonToken.START_OBJECT) {
        noted = false;
        listings.add(
            token == JsonToken.VALUE_NULL
                ? null
                : (Assessment) element.deserialize(parser, context));
        continue;
      }
      int start = (int) parser.currentTokenLocation().getByteOffset();
      listings.add((Assessment) element.deserialize(parser, context));
      if (listings.size() > starts.length) {
        starts = Arrays.copyOf(starts, starts.length * 2);
        ends = Arrays.copyOf(ends, ends.length * 2);
      }
      starts[listings.size() - 1] = start;
      // The parser stands on the assessment's closing brace.
      ends[listings.size() - 1] = (int) parser.currentTokenLocation().getByteOffset() + 1;
    }
    if (noted) {
      int close = (int) parser.currentTokenLocation().getByteOffset();
      int n = listings.size();
      LAST.set(new ListingSpans(open, close, Arrays.copyOf(starts, n), Arrays.copyOf(ends, n)));
    }
    return listings;
  }
}
