package org.iprradar.detect.quality;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.stream.Collectors;
import org.iprradar.common.model.Evidence;
import org.iprradar.common.model.Signal;
import org.iprradar.detect.config.RuleLoader;
import org.iprradar.detect.match.ListingAnalyzer;
import org.iprradar.detect.match.Presearcher;
import org.iprradar.detect.rules.RuleBook;
import org.iprradar.detect.score.Scorer;
import org.iprradar.detect.score.ScoringSettings;

/**
 * Prints the detection quality figures: brand recall on {@code taobao-titles.jsonl}, and the
 * precision and recall of the lead verdict on {@code labeled-dev.jsonl} with {@code brands.jsonl}
 * as the registry and the shipped starter rules.
 *
 * <pre>
 * java -cp detect/target/ipr-radar-detect.jar:detect/target/lib/* \
 *     org.iprradar.detect.quality.QualityReport ../shared/data [rules]
 * </pre>
 *
 * The optional second argument is another rules location ({@code classpath:...}, a YAML file or a
 * folder), to try an operator's rules before publishing them.
 */
public final class QualityReport {

  static final String SHIPPED_RULES = "classpath:config/rules.yaml";
  private static final int EXAMPLES = 10;
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private final PrintStream out;

  QualityReport(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) throws IOException {
    var out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    if (args.length < 1 || args.length > 2) {
      out.println("usage: QualityReport <data folder> [rules location]");
      return;
    }
    Path data = Path.of(args[0]);
    if (!Files.isDirectory(data)) {
      out.println("no such data folder: " + data.toAbsolutePath());
      return;
    }
    new QualityReport(out).write(data, args.length == 2 ? args[1] : SHIPPED_RULES);
  }

  void write(Path data, String rules) throws IOException {
    out.println("IPR Radar detection quality, " + LocalDate.now(SHANGHAI));
    out.println("data: " + data.toAbsolutePath().normalize());
    out.println();
    brandRecall(data.resolve("taobao-titles.jsonl"));
    out.println();
    verdicts(data.resolve("labeled-dev.jsonl"), data.resolve("brands.jsonl"), rules);
  }

  private void brandRecall(Path file) throws IOException {
    var result = BrandRecall.measure(QualityData.taggedTitles(file));
    out.println("== Brand recall: " + file.getFileName());
    out.printf(
        Locale.ROOT,
        "%d titles, %d tagged mentions of %d distinct names (one registry brand per name)%n",
        result.titles(),
        result.mentions(),
        result.names());
    out.printf(
        Locale.ROOT,
        "recall: %d / %d tagged mentions found in their own titles = %s (target >= 98%%)%n",
        result.found(),
        result.mentions(),
        percent(result.recall()));
    out.printf(
        Locale.ROOT,
        "false alarms: %d / %d titles without a tagged brand had a brand hit = %s%n",
        result.falseAlarms(),
        result.titlesWithoutBrand(),
        percent(result.falseAlarmRate()));
    out.println("examples of misses (tagged name | title):");
    result.misses().stream()
        .limit(EXAMPLES)
        .forEach(m -> out.println("  " + m.brand() + " | " + m.title()));
    out.println("examples of false alarms (names found | title):");
    result.falseAlarmTitles().stream()
        .limit(EXAMPLES)
        .forEach(f -> out.println("  " + String.join(", ", f.found()) + " | " + f.title()));
  }

  private void verdicts(Path listingsFile, Path brandsFile, String rulesLocation)
      throws IOException {
    var settings = ScoringSettings.DEFAULTS;
    var book =
        new RuleBook(
            new ListingAnalyzer(), settings.brandMentionWeight(), Presearcher.TERM_FILTERED);
    var brands = QualityData.brands(brandsFile);
    brands.forEach(book::putBrand);
    var loaded = RuleLoader.loadInto(rulesLocation, book);
    var rules = book.publish();
    var result =
        VerdictQuality.measure(
            QualityData.labeledListings(listingsFile), rules, new Scorer(settings), Instant.now());

    out.println("== Lead verdicts: " + listingsFile.getFileName());
    out.printf(
        Locale.ROOT,
        "registry: %s (%d brands); rules: %s (%d rules, %d refused); lead threshold %.0f%n",
        brandsFile.getFileName(),
        brands.size(),
        rulesLocation,
        loaded.loaded().size(),
        loaded.errors().size(),
        settings.leadThreshold());
    loaded.errors().forEach(e -> out.println("  refused: " + e));
    out.printf(
        Locale.ROOT,
        "%d listings: %d labelled infringing, %d not (hard negatives)%n",
        result.verdicts().size(),
        result.positives(),
        result.negatives());
    out.printf(
        Locale.ROOT,
        "TP %d  FP %d  FN %d  TN %d%n",
        result.count(Verdict.Outcome.TRUE_POSITIVE),
        result.count(Verdict.Outcome.FALSE_POSITIVE),
        result.count(Verdict.Outcome.FALSE_NEGATIVE),
        result.count(Verdict.Outcome.TRUE_NEGATIVE));
    out.printf(
        Locale.ROOT,
        "precision %s  recall %s  (targets >= 0.90)%n",
        decimal(result.precision()),
        decimal(result.recall()));
    out.printf(
        Locale.ROOT,
        "false-alarm rate on hard negatives: %d / %d = %s%n",
        result.count(Verdict.Outcome.FALSE_POSITIVE),
        result.negatives(),
        percent(result.falseAlarmRate()));
    out.printf(
        Locale.ROOT,
        "infringement type right on true positives: %d / %d = %s%n",
        result.typeMatches(),
        result.count(Verdict.Outcome.TRUE_POSITIVE),
        percent(result.typeAccuracy()));
    out.println();
    out.println("misclassified listings, with the signals behind their scores:");
    result.misclassified().forEach(this::describe);
    out.println();
    out.println("true positives with another infringement type than labelled:");
    result.wrongType().forEach(this::describe);
  }

  private void describe(Verdict verdict) {
    var listing = verdict.labeled().listing();
    var label = verdict.labeled().label();
    var assessment = verdict.assessment();
    out.printf(
        Locale.ROOT,
        "  %s %s  score %.1f %s, labelled %s  ¥%s %s  shop %s%n",
        abbreviation(verdict.outcome()),
        listing.listingId(),
        assessment.score(),
        assessment.infringementType(),
        label.type(),
        listing.price().stripTrailingZeros().toPlainString(),
        listing.category(),
        listing.shopName());
    out.println("     " + listing.title());
    if (!listing.description().isBlank()) {
      out.println("     description: " + listing.description());
    }
    out.println("     label: " + label.why());
    for (Signal s : assessment.signals()) {
      out.printf(
          Locale.ROOT,
          "     %+.1f %s %s [%s] %s%n",
          s.contribution(),
          s.type(),
          s.ruleId(),
          s.evidence().stream().map(Evidence::text).collect(Collectors.joining(" | ")),
          s.reason().replace('\n', ' '));
    }
  }

  private static String abbreviation(Verdict.Outcome outcome) {
    return switch (outcome) {
      case TRUE_POSITIVE -> "TP";
      case FALSE_POSITIVE -> "FP";
      case FALSE_NEGATIVE -> "FN";
      case TRUE_NEGATIVE -> "TN";
    };
  }

  private static String percent(double share) {
    return Double.isNaN(share) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  private static String decimal(double share) {
    return Double.isNaN(share) ? "n/a" : String.format(Locale.ROOT, "%.3f", share);
  }
}
