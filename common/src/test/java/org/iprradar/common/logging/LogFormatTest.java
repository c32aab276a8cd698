package org.iprradar.common.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.iprradar.common.json.Json;
import org.iprradar.common.metrics.LogKeys;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The applications' logback.xml, switched by its one setting. */
class LogFormatTest {

  @Test
  void jsonSettingWritesOneParsableLinePerEventWithTheMdcKeys() throws Exception {
    List<String> lines = logWithSetting("json");
    assertEquals(1, lines.size(), "one line: " + lines);
    JsonNode line = Json.mapper().readTree(lines.get(0));
    assertEquals("WARN", line.get("level").asText());
    assertEquals("org.iprradar.demo", line.get("loggerName").asText());
    assertEquals("Rule r-1 failed on listing taobao:t-1", line.get("formattedMessage").asText());
    JsonNode mdc = line.get("mdc");
    assertEquals("taobao:t-1", mdc.get(LogKeys.LISTING_KEY).asText());
    assertEquals("r-1", mdc.get(LogKeys.RULE_ID).asText());
    assertEquals("taobao:tb_42:COUNTERFEIT_TRADEMARK", mdc.get(LogKeys.ALERT_ID).asText());
    // The raw arguments are left out: the formatted message already says what may be said.
    assertFalse(line.has("arguments"), line.toString());
  }

  @Test
  void withoutTheSettingLinesAreTextWithTheMdcKeys() throws Exception {
    for (String setting : new String[] {null, "plain"}) {
      List<String> lines = logWithSetting(setting);
      assertEquals(1, lines.size(), "one line: " + lines);
      String line = lines.get(0);
      assertFalse(line.startsWith("{"), line);
      assertTrue(line.contains("WARN"), line);
      assertTrue(line.contains("listingKey=taobao:t-1"), line);
      assertTrue(line.contains("Rule r-1 failed on listing taobao:t-1"), line);
    }
  }

  /** Configures a fresh logger context from logback.xml and logs one event with the MDC set. */
  private static List<String> logWithSetting(String setting) throws Exception {
    var context = new LoggerContext();
    // The MDC that org.slf4j.MDC writes to, as in an application's own logger context.
    context.setMDCAdapter(MDC.getMDCAdapter());
    if (setting != null) {
      context.putProperty(LogFormat.SETTING, setting);
    }
    var out = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      var configurator = new JoranConfigurator();
      configurator.setContext(context);
      configurator.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
      MDC.put(LogKeys.LISTING_KEY, "taobao:t-1");
      MDC.put(LogKeys.RULE_ID, "r-1");
      MDC.put(LogKeys.ALERT_ID, "taobao:tb_42:COUNTERFEIT_TRADEMARK");
      try {
        context
            .getLogger("org.iprradar.demo")
            .warn("Rule {} failed on listing {}", "r-1", "taobao:t-1");
      } finally {
        MDC.clear();
      }
    } finally {
      System.setOut(original);
      context.stop();
    }
    return out.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
  }
}
