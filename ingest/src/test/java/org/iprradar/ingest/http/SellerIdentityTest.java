package org.iprradar.ingest.http;

import static org.iprradar.ingest.http.IngestServer.json;
import static org.iprradar.ingest.http.IngestServer.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.iprradar.ingest.partners.DemoPartner;
import org.iprradar.web.security.Roles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Sellers' raw identity details become keyed hashes that link across platforms, and neither they
 * nor an API key reach Kafka, an answer or the logs.
 */
class SellerIdentityTest {

  private static IngestServer server;

  @BeforeAll
  static void start() {
    server = new IngestServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void clear() {
    server.producer.clear();
  }

  private static String partnerKey(String partnerId, String platform) throws Exception {
    var admin = Map.of("Authorization", "Bearer " + server.token("root", Roles.ADMIN));
    var created =
        server.send(
            "PUT",
            "/api/v1/admin/partners/" + partnerId,
            "application/json",
            ("{\"name\":\"" + partnerId + "\",\"platforms\":[\"" + platform + "\"]}")
                .getBytes(StandardCharsets.UTF_8),
            false,
            admin);
    assertEquals(201, created.statusCode(), created.body());
    var issued =
        server.send(
            "POST",
            "/api/v1/admin/partners/" + partnerId + "/keys",
            "application/json",
            new byte[0],
            false,
            admin);
    return json(issued).get("key").asText();
  }

  private static java.net.http.HttpResponse<String> putSeller(String path, String body, String key)
      throws Exception {
    return server.send(
        "PUT",
        path,
        "application/json",
        body.getBytes(StandardCharsets.UTF_8),
        false,
        Map.of("X-Api-Key", key));
  }

  private static String hmac(String value) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(
            IngestServer.IDENTITY_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
  }

  private static String allBytes(ProducerRecord<String, byte[]> record) {
    var text = new StringBuilder(new String(record.value(), StandardCharsets.UTF_8));
    record.headers().forEach(h -> text.append(new String(h.value(), StandardCharsets.UTF_8)));
    return text.toString();
  }

  @Test
  void theSamePhoneAndIdFromTwoPlatformsHashAlikeAndTheRawValuesAreNeverStored() throws Exception {
    String taobao = partnerKey("taobao-sellers", "taobao");
    String jd = partnerKey("jd-sellers", "jd");
    server.producer.clear();

    var first =
        putSeller(
            "/api/v1/seller-records/taobao/tb-1",
            "{\"phone\":\"+86 138-0013-8000\",\"idNumber\":\"11010519491231002x\","
                + "\"address\":\" 北京市 朝阳区 1号 \",\"blacklisted\":false}",
            taobao);
    var second =
        putSeller(
            "/api/v1/seller-records/jd/jd-7",
            "{\"phone\":[\"13800138000\"],\"idNumber\":\"110105 19491231 002X\","
                + "\"identityHashes\":[\"payment:"
                + "a".repeat(64)
                + "\"]}",
            jd);

    assertEquals(202, first.statusCode(), first.body());
    assertEquals(202, second.statusCode(), second.body());
    var sent = server.sent("seller-records");
    assertEquals(2, sent.size());
    List<String> a = hashes(value(sent.get(0)).get("identityHashes"));
    List<String> b = hashes(value(sent.get(1)).get("identityHashes"));
    String phone = "phone:" + hmac("13800138000");
    String id = "id:" + hmac("11010519491231002X");
    assertTrue(a.contains(phone) && a.contains(id), a.toString());
    assertTrue(b.contains(phone) && b.contains(id), b.toString());
    assertTrue(b.contains("payment:" + "a".repeat(64)), "hashes sent as such are kept");
    for (var record : sent) {
      String stored = allBytes(record);
      for (String raw : List.of("13800138000", "0013", "1949123100", "朝阳区")) {
        assertFalse(stored.contains(raw), raw + " reached Kafka: " + stored);
      }
    }
  }

  @Test
  void aRejectedSellerWithPhoneAndIdLeavesNeitherNorTheKeyInTheLogsOrTheAnswer() throws Exception {
    String phone = "13912345678";
    String idNumber = "110105194912310021";
    var context = (LoggerContext) LoggerFactory.getILoggerFactory();
    var out = new ByteArrayOutputStream();
    var encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%level %logger %msg %ex%n");
    encoder.start();
    var appender = new OutputStreamAppender<ILoggingEvent>();
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.setOutputStream(out);
    appender.start();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    var loud = new ArrayList<Logger>();
    for (String name : List.of("org.iprradar", "io.micronaut.http", "io.micronaut.security")) {
      loud.add(context.getLogger(name));
    }
    var levels = loud.stream().map(Logger::getLevel).toList();
    root.addAppender(appender);
    loud.forEach(l -> l.setLevel(Level.TRACE));
    try {
      var response =
          putSeller(
              "/api/v1/seller-records/taobao/tb-9",
              "{\"phone\":\""
                  + phone
                  + "\",\"idNumber\":\""
                  + idNumber
                  + "\",\"idNumber2\":\"x\",\"region\":\"nowhere\",\"penalties\":[{}]}",
              DemoPartner.KEY);
      var badPhone =
          putSeller(
              "/api/v1/seller-records/taobao/tb-9",
              "{\"phone\":\"1391234567x99999999999\"}",
              DemoPartner.KEY);
      assertEquals(400, response.statusCode(), response.body());
      assertEquals(400, badPhone.statusCode(), badPhone.body());
      assertFalse(response.body().contains(phone) || response.body().contains(idNumber));
      assertFalse(badPhone.body().contains("1391234567"), badPhone.body());
      // The safety net under the code: a statement that echoes them by mistake is masked.
      LoggerFactory.getLogger(SellerIdentityTest.class)
          .warn("seller {} phone +86 {} key {}", idNumber, phone, DemoPartner.KEY);
    } finally {
      root.detachAppender(appender);
      for (int i = 0; i < loud.size(); i++) {
        loud.get(i).setLevel(levels.get(i));
      }
      appender.stop();
    }
    String logs = out.toString(StandardCharsets.UTF_8);
    assertTrue(logs.contains("[phone]") && logs.contains("[id-number]"), logs);
    assertFalse(logs.contains(phone), logs);
    assertFalse(logs.contains(idNumber), logs);
    assertFalse(logs.contains(DemoPartner.KEY.substring(9)), logs);
    assertTrue(server.sent("seller-records").isEmpty());
  }

  private static List<String> hashes(com.fasterxml.jackson.databind.JsonNode array) {
    var list = new ArrayList<String>();
    array.forEach(n -> list.add(n.asText()));
    return list;
  }
}
