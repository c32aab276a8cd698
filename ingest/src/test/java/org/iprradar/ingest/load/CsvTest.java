package org.iprradar.ingest.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CSV rows as platform exports write them, and their mapping to feed fields. */
class CsvTest {

  @Test
  void shouldReadQuotedCommasQuotesAndLineBreaksAndNameTheLineARowStartsOn() throws IOException {
    var parser =
        new CsvParser(
            new StringReader(
                "id,title\r\n" // a Windows export
                    + "1,\"手袋, 高仿\"\n"
                    + "2,\"说明\n第二行 \"\"引号\"\"\"\n"
                    + "3,last"));

    assertEquals(List.of("id", "title"), parser.next());
    assertEquals(List.of("1", "手袋, 高仿"), parser.next());
    assertEquals(2, parser.line());
    assertEquals(List.of("2", "说明\n第二行 \"引号\""), parser.next());
    assertEquals(3, parser.line());
    assertEquals(List.of("3", "last"), parser.next());
    assertEquals(5, parser.line(), "the row after a two-line field starts two lines further");
    assertNull(parser.next());
  }

  @Test
  void shouldRefuseAQuotedFieldThatIsNeverClosed() {
    var parser = new CsvParser(new StringReader("a,\"open\n"));

    var error = assertThrows(IOException.class, parser::next);
    assertTrue(error.getMessage().contains("line 1"), error.getMessage());
  }

  @Test
  void shouldRenameColumnsAndTypeNumbersBooleansAndLists() {
    var mapping = new HeaderMapping(Map.of("商品标题", "title", "价格", "price", "图片", "imageUrls"));
    var fields =
        mapping.fields(List.of("\uFEFF商品标题", "价格", "图片", "crossBorder", "unitsSold", "version"));

    var record =
        mapping.record(
            fields, List.of("标题", "12.50", "https://a/1.jpg|https://a/2.jpg", "TRUE", "", "3"));

    assertEquals("标题", record.get("title").asText(), "a byte-order mark does not hide the header");
    assertEquals("12.50", record.get("price").decimalValue().toPlainString());
    assertEquals(2, record.get("imageUrls").size());
    assertTrue(record.get("crossBorder").asBoolean());
    assertTrue(record.get("version").isIntegralNumber());
    assertNull(record.get("unitsSold"), "an empty cell is an absent field");
  }

  @Test
  void shouldLeaveAnUnparsableNumberAsTextForTheValidatorToName() {
    var mapping = HeaderMapping.identity();

    var record = mapping.record(List.of("price"), List.of("12元"));

    assertTrue(record.get("price").isTextual());
  }
}
