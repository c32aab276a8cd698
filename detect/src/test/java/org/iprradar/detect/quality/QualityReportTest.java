package org.iprradar.detect.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iprradar.common.model.InfringementType;
import org.iprradar.detect.Fixtures;
import org.iprradar.detect.quality.Verdict.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quality figures on small data sets written here, not on the shared files. */
class QualityReportTest {

  @Test
  void shouldFindTaggedBrandsInTheirOwnTitlesAndCountFalseAlarmsOnTheOthers() {
    var titles =
        List.of(
            new TaggedTitle("耐克 Air Max 跑步鞋 男", List.of("耐克")),
            new TaggedTitle("古 驰 酒神包 女", List.of("古驰")),
            new TaggedTitle("正品 阿迪达斯 三叶草 卫衣", List.of("阿迪达斯", "三叶草")),
            new TaggedTitle("adidasneo 板鞋 休闲", List.of("adidas")),
            new TaggedTitle("南通 蓝印花布 桌旗", List.of()),
            new TaggedTitle("三叶草 盆栽 幸运草", List.of()));

    var result = BrandRecall.measure(titles);

    assertEquals(5, result.names());
    assertEquals(5, result.mentions());
    assertEquals(4, result.found());
    assertEquals(0.8, result.recall(), 1e-9);
    // adidas inside the longer word adidasneo is not a mention of its own.
    assertEquals(List.of(new BrandRecallResult.Miss("adidasneo 板鞋 休闲", "adidas")), result.misses());
    assertEquals(2, result.titlesWithoutBrand());
    assertEquals(1, result.falseAlarms());
    assertEquals(List.of("三叶草"), result.falseAlarmTitles().get(0).found());
    assertEquals(0.5, result.falseAlarmRate(), 1e-9);
  }

  @Test
  void shouldComputePrecisionRecallFalseAlarmsAndTypeAccuracyOfTheLeadVerdict() {
    var listings =
        List.of(
            // true positive, right type
            labeled("tp", "驴牌 老花 高仿 手袋", "300", true, InfringementType.COUNTERFEIT_TRADEMARK),
            // true positive, wrong type: the engine says piracy
            labeled("tp-type", "路易威登 设计软件 破解版", "5", true, InfringementType.COUNTERFEIT_TRADEMARK),
            // false negative: a brand at a genuine price is no lead
            labeled("fn", "香奈儿 山茶花 手链", "12000", true, InfringementType.COUNTERFEIT_TRADEMARK),
            // false positive
            labeled("fp", "Photoshop 破解版 学习交流", "0.1", false, InfringementType.NONE),
            // true negative
            labeled("tn", "南通 蓝印花布 桌旗", "58", false, InfringementType.NONE));

    var result =
        VerdictQuality.measure(
            listings, Fixtures.ruleBook().get(), Fixtures.scorer(), Fixtures.NOW);

    assertEquals(2, result.count(Outcome.TRUE_POSITIVE));
    assertEquals(1, result.count(Outcome.FALSE_POSITIVE));
    assertEquals(1, result.count(Outcome.FALSE_NEGATIVE));
    assertEquals(1, result.count(Outcome.TRUE_NEGATIVE));
    assertEquals(2.0 / 3, result.precision(), 1e-9);
    assertEquals(2.0 / 3, result.recall(), 1e-9);
    assertEquals(0.5, result.falseAlarmRate(), 1e-9);
    assertEquals(0.5, result.typeAccuracy(), 1e-9);
    assertEquals(
        List.of("fn", "fp"),
        result.misclassified().stream().map(v -> v.labeled().listing().listingId()).toList());
    assertEquals(
        List.of("tp-type"),
        result.wrongType().stream().map(v -> v.labeled().listing().listingId()).toList());
  }

  @Test
  void shouldAnswerNotANumberForFiguresWithoutCases() {
    var result = new VerdictResult(List.of());

    assertTrue(Double.isNaN(result.precision()));
    assertTrue(Double.isNaN(result.recall()));
  }

  @Test
  void shouldPrintTheFiguresOfDataFilesInAFolder(@TempDir Path data) throws IOException {
    Files.writeString(
        data.resolve("taobao-titles.jsonl"),
        """
        {"title": "耐克 跑步鞋", "brands": ["耐克"]}

        {"title": "纯棉 毛巾", "brands": []}
        """);
    Files.writeString(
        data.resolve("brands.jsonl"),
        """
        {"brandId": "chanel", "names": ["香奈儿"], "aliases": ["香家"], "category": "luxury_bags", \
        "protection": "FOREIGN", "referencePriceMin": 20000.0, "referencePriceMax": 90000.0, \
        "officialShops": []}
        """);
    Files.writeString(
        data.resolve("labeled-dev.jsonl"),
        """
        {"platform": "taobao", "listingId": "a", "title": "香家 CF 高仿 一比一", "price": 399.0, \
        "sellerId": "s1", "shopName": "小店", "category": "luxury_bags", \
        "label": {"infringing": true, "type": "COUNTERFEIT_TRADEMARK", "brandId": "chanel", "why": "copy"}}
        {"platform": "taobao", "listingId": "b", "title": "小香风 外套", "price": 199.0, \
        "sellerId": "s2", "shopName": "女装", "category": "apparel", \
        "label": {"infringing": false, "type": "NONE", "why": "style word"}}
        """);
    var bytes = new ByteArrayOutputStream();

    new QualityReport(new PrintStream(bytes, true, StandardCharsets.UTF_8))
        .write(data, QualityReport.SHIPPED_RULES);

    String report = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(report.contains("recall: 1 / 1 tagged mentions found"), report);
    assertTrue(report.contains("false alarms: 0 / 1 titles"), report);
    assertTrue(report.contains("TP 1  FP 0  FN 0  TN 1"), report);
    assertTrue(report.contains("precision 1.000  recall 1.000"), report);
  }

  private static LabeledListing labeled(
      String id, String title, String price, boolean infringing, InfringementType type) {
    var listing = Fixtures.listing(id, title, price, null);
    return new LabeledListing(listing, new Label(infringing, type, null, ""));
  }
}
