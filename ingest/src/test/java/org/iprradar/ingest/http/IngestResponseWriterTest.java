package org.iprradar.ingest.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.iprradar.ingest.validate.FieldError;
import org.junit.jupiter.api.Test;

class IngestResponseWriterTest {

  /** Takes the hand-written writer off, leaving Jackson's own record serializer. */
  @JsonSerialize(using = JsonSerializer.None.class)
  private abstract static class Generic {}

  // Micronaut's mapper leaves nulls out by default; the answer never had them.
  private final ObjectMapper withWriter =
      new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
  private final ObjectMapper generic =
      new ObjectMapper()
          .setSerializationInclusion(JsonInclude.Include.NON_NULL)
          .addMixIn(IngestResponse.class, Generic.class);

  @Test
  void shouldWriteTheSameJsonAsTheRecordsWouldOnTheirOwn() throws Exception {
    var random = new Random(7);
    for (int round = 0; round < 200; round++) {
      var results = new ArrayList<RecordResult>();
      int n = random.nextInt(20);
      for (int i = 0; i < n; i++) {
        Integer line = random.nextBoolean() ? random.nextInt(100_000) + 1 : null;
        String key = random.nextInt(4) == 0 ? null : "taobao:\"l\u00e9\u4e2d\\" + i;
        String status =
            List.of(RecordResult.ACCEPTED, RecordResult.DUPLICATE, RecordResult.REJECTED)
                .get(random.nextInt(3));
        List<FieldError> errors =
            random.nextBoolean()
                ? null
                : List.of(
                    new FieldError("price", "must be a number \u2265 0, was '-1'"),
                    new FieldError(null, "malformed JSON: at column 3: \n\t"));
        results.add(new RecordResult(i, line, key, status, errors));
      }
      var response = new IngestResponse(random.nextInt(9), random.nextInt(9), n, results);
      assertEquals(generic.writeValueAsString(response), withWriter.writeValueAsString(response));
    }
  }
}
