package org.iprradar.alerts.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void shouldQuoteFieldsWithCommasQuotesAndLineBreaksAsRfc4180Says() {
    var csv = new Csv().row("plain", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", "");

    assertEquals(
        "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",\r\n", csv.toString());
  }

  @Test
  void shouldEndEveryRecordWithCrlfAndWriteNullAsEmpty() {
    var csv = new Csv().row("a", null).row(null, "b");

    assertEquals("a,\r\n,b\r\n", csv.toString());
  }

  @Test
  void shouldTurnCellsThatASpreadsheetWouldRunIntoText() {
    var csv =
        new Csv()
            .row(
                "=HYPERLINK(\"http://x\",\"点我\")",
                "+1+2",
                "-2+3",
                "@SUM(A1)",
                "\tTAB",
                "safe = here",
                "中=文");

    // The apostrophe makes Excel show the text; the formula with quotes and a comma is also quoted.
    assertEquals(
        "\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\",'+1+2,'-2+3,'@SUM(A1),'\tTAB,safe = here,中=文\r\n",
        csv.toString());
  }

  @Test
  void shouldWriteNumbersAndBooleansPlainlySoThatSpreadsheetsCanSumThem() {
    var csv = new Csv().row(-3, 80.5, new BigDecimal("1E+3"), true);

    assertEquals("-3,80.5,1000,true\r\n", csv.toString());
  }

  @Test
  void shouldStartWithAUtf8ByteOrderMarkSoThatExcelReadsChinese() {
    byte[] bytes = new Csv().row("崇川区").toBytes();

    assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
    assertEquals("崇川区\r\n", new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
  }
}
