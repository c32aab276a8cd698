package org.iprradar.detect.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iprradar.common.model.Rule;
import org.iprradar.detect.match.ListingAnalyzer;
import org.iprradar.detect.rules.RuleBook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleLoaderTest {

  private final RuleBook book =
      new RuleBook(new ListingAnalyzer(), 25, org.iprradar.detect.match.Presearcher.TERM_FILTERED);

  @Test
  void shouldRejectABadRuleWithItsIdAndReasonAndLoadTheOthers(@TempDir Path dir)
      throws IOException {
    Files.writeString(
        dir.resolve("rules.yaml"),
        """
        rules:
          - {id: good, query: '"高仿"', infringementType: COUNTERFEIT_TRADEMARK, weight: 40, enabled: true}
          - {id: unbalanced, query: '("高仿" OR "精仿"', infringementType: COUNTERFEIT_TRADEMARK, weight: 40, enabled: true}
          - {id: too-heavy, query: '"A货"', infringementType: COUNTERFEIT_TRADEMARK, weight: 140, enabled: true}
          - {id: off, query: '"尾单"', infringementType: COUNTERFEIT_TRADEMARK, weight: 10, enabled: false}
          - {id: also-good, query: '"破解版"', infringementType: PIRACY_COPYRIGHT, weight: 50, enabled: true}
        """);

    var report = RuleLoader.loadInto(dir.toString(), book);

    assertEquals(
        java.util.List.of("good", "also-good"), report.loaded().stream().map(Rule::id).toList());
    assertEquals(2, report.errors().size(), report.errors().toString());
    assertTrue(report.errors().get(0).contains("rules[1]"), report.errors().get(0));
    assertTrue(report.errors().get(0).contains("rule unbalanced"), report.errors().get(0));
    assertTrue(report.errors().get(0).contains("column"), report.errors().get(0));
    assertTrue(
        report.errors().get(1).contains("weight must be within 0..100"), report.errors().get(1));
  }

  @Test
  void shouldCompileEveryRuleOfTheShippedStarterPack() throws IOException {
    var report = RuleLoader.loadInto("classpath:config/rules.yaml", book);

    assertTrue(report.errors().isEmpty(), () -> String.join("\n", report.errors()));
    assertTrue(report.loaded().size() >= 5);
  }

  @Test
  void shouldLoadEveryBrandOfTheShippedRegistry() throws IOException {
    var report = BrandLoader.load("classpath:config/brands.yaml");

    assertTrue(report.errors().isEmpty(), () -> String.join("\n", report.errors()));
    assertTrue(report.loaded().size() >= 5);
  }
}
