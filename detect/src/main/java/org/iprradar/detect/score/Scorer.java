package org.iprradar.detect.score;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.iprradar.common.model.Assessment;
import org.iprradar.common.model.Brand;
import org.iprradar.common.model.Evidence;
import org.iprradar.common.model.InfringementType;
import org.iprradar.common.model.Listing;
import org.iprradar.common.model.Signal;
import org.iprradar.common.model.SignalType;
import org.iprradar.detect.match.MatchResult;
import org.iprradar.detect.match.RuleHit;

/**
 * Turns what the matcher found into an explained assessment. Pure: the same listing, hits and clock
 * give the same assessment.
 */
public final class Scorer {

  private final ScoringSettings settings;

  public Scorer(ScoringSettings settings) {
    this.settings = settings;
  }

  public ScoringSettings settings() {
    return settings;
  }

  /**
   * @param brands the registry the match was made with, for brand details and reference prices
   */
  public Assessment assess(Listing listing, MatchResult match, BrandRegistry brands, Instant now) {
    var signals = new ArrayList<Signal>();
    for (RuleHit hit : match.hits()) {
      if (hit.rule().signalType() == SignalType.TEXT_RULE) {
        signals.add(textSignal(hit));
      }
    }
    Optional<BrandMention> mention = strongestBrandMention(listing, match, brands);
    mention.ifPresent(
        m -> {
          signals.add(brandSignal(m));
          priceSignal(listing, m.brand()).ifPresent(signals::add);
        });

    List<Signal> scored = capAtHundred(signals);
    double score = scored.stream().mapToDouble(Signal::contribution).sum();
    score = Math.min(100, round(score));
    InfringementType type = infringementType(scored);
    boolean lead = type != InfringementType.NONE && score >= settings.leadThreshold();
    return new Assessment(
        Assessment.SCHEMA_VERSION,
        listing.key(),
        listing.platform(),
        listing.listingId(),
        listing.version(),
        listing.title(),
        listing.price(),
        listing.sellerId(),
        listing.sellerRegion(),
        listing.shopName(),
        listing.category(),
        score,
        type,
        mention.map(m -> m.brand().brandId()).orElse(null),
        lead,
        scored,
        now);
  }

  private static Signal textSignal(RuleHit hit) {
    var rule = hit.rule();
    return new Signal(
        SignalType.TEXT_RULE,
        rule.id(),
        rule.version(),
        rule.infringementType(),
        rule.brandId(),
        rule.weight(),
        rule.description(),
        hit.evidence());
  }

  private Signal brandSignal(BrandMention m) {
    return new Signal(
        SignalType.BRAND_MENTION,
        m.hit().rule().id(),
        m.hit().rule().version(),
        InfringementType.COUNTERFEIT_TRADEMARK,
        m.brand().brandId(),
        settings.brandMentionWeight(),
        "Names the protected brand "
            + String.join(" / ", m.brand().names())
            + " ("
            + m.brand().protection()
            + ") outside its official shops",
        m.evidence());
  }

  private Optional<Signal> priceSignal(Listing listing, Brand brand) {
    BigDecimal min = brand.referencePriceMin();
    BigDecimal price = listing.price();
    if (min == null || min.signum() <= 0 || price.signum() <= 0) {
      return Optional.empty();
    }
    // A reference band is only comparable within the brand's own category: 苹果 the fruit is not an
    // iPhone.
    if (listing.category() != null
        && brand.category() != null
        && !listing.category().equals(brand.category())) {
      return Optional.empty();
    }
    double ratio = price.doubleValue() / min.doubleValue();
    if (ratio >= settings.priceBandRatio()) {
      return Optional.empty();
    }
    String band =
        "¥"
            + min.toPlainString()
            + "-"
            + Optional.ofNullable(brand.referencePriceMax())
                .map(BigDecimal::toPlainString)
                .orElse("");
    String priceText = price.toPlainString();
    return Optional.of(
        new Signal(
            SignalType.PRICE_BELOW_BAND,
            "price:" + brand.brandId(),
            brand.version(),
            InfringementType.COUNTERFEIT_TRADEMARK,
            brand.brandId(),
            settings.priceBelowBandWeight(),
            String.format(
                Locale.ROOT,
                "Price ¥%s is %.0f%% of the lowest reference price of %s (band %s)",
                priceText,
                ratio * 100,
                brand.names().get(0),
                band),
            List.of(new Evidence("price", 0, priceText.length(), priceText))));
  }

  /**
   * The brand named earliest in the listing, not counting the brand's own official shop nor
   * mentions that only state compatibility. One brand counts once: naming two brands is not twice
   * the risk.
   */
  private Optional<BrandMention> strongestBrandMention(
      Listing listing, MatchResult match, BrandRegistry brands) {
    BrandMention best = null;
    for (RuleHit hit : match.hits()) {
      if (hit.rule().signalType() != SignalType.BRAND_MENTION) {
        continue;
      }
      Optional<Brand> brand = brands.find(hit.rule().brandId());
      if (brand.isEmpty() || isOfficialShop(listing, brand.get())) {
        continue;
      }
      // "适用于苹果 iPhone 15 手机壳": one compatibility statement makes every mention of that brand one.
      if (hit.evidence().isEmpty()
          || hit.evidence().stream().anyMatch(e -> isCompatibilityReference(listing, e))) {
        continue;
      }
      var mention = new BrandMention(brand.get(), hit, hit.evidence());
      if (best == null || mention.firstOffset() < best.firstOffset()) {
        best = mention;
      }
    }
    return Optional.ofNullable(best);
  }

  private static boolean isOfficialShop(Listing listing, Brand brand) {
    String shop = listing.shopName().strip();
    return !shop.isEmpty() && brand.officialShops().stream().anyMatch(s -> s.strip().equals(shop));
  }

  private boolean isCompatibilityReference(Listing listing, Evidence evidence) {
    String text =
        switch (evidence.field()) {
          case "title" -> listing.title();
          case "description" -> listing.description();
          default -> "";
        };
    String before =
        text.substring(Math.max(0, evidence.start() - 6), evidence.start())
            .strip()
            .toLowerCase(Locale.ROOT);
    return settings.compatibilityMarkers().stream()
        .anyMatch(marker -> before.endsWith(marker.toLowerCase(Locale.ROOT)));
  }

  /**
   * Scales contributions down proportionally when they add up to more than 100, so they still add
   * up.
   */
  private static List<Signal> capAtHundred(List<Signal> signals) {
    double total = signals.stream().mapToDouble(Signal::contribution).sum();
    if (total <= 100) {
      return signals.stream().map(s -> s.withContribution(round(s.contribution()))).toList();
    }
    var scaled = new ArrayList<Signal>();
    double assigned = 0;
    for (int i = 0; i < signals.size(); i++) {
      Signal s = signals.get(i);
      double share =
          i == signals.size() - 1 ? round(100 - assigned) : round(s.contribution() * 100 / total);
      assigned += share;
      scaled.add(s.withContribution(share));
    }
    return scaled;
  }

  private static InfringementType infringementType(List<Signal> signals) {
    return signals.stream()
        .filter(s -> s.type() == SignalType.TEXT_RULE)
        .max(Comparator.comparingDouble(Signal::contribution))
        .or(() -> signals.stream().findFirst())
        .map(Signal::infringementType)
        .orElse(InfringementType.NONE);
  }

  private static double round(double value) {
    return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
  }

  private record BrandMention(Brand brand, RuleHit hit, List<Evidence> evidence) {
    int firstOffset() {
      return evidence.stream()
          .mapToInt(e -> e.field().equals("title") ? e.start() : 100_000 + e.start())
          .min()
          .orElse(Integer.MAX_VALUE);
    }
  }
}
