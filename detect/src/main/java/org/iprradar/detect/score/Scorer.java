package org.iprradar.detect.score;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import org.iprradar.common.model.Assessment;
import org.iprradar.common.model.Brand;
import org.iprradar.common.model.ComplaintCounts;
import org.iprradar.common.model.Evidence;
import org.iprradar.common.model.InfringementType;
import org.iprradar.common.model.Listing;
import org.iprradar.common.model.SellerNetwork;
import org.iprradar.common.model.SellerPenalty;
import org.iprradar.common.model.SellerRecord;
import org.iprradar.common.model.Signal;
import org.iprradar.common.model.SignalType;
import org.iprradar.detect.match.MatchResult;
import org.iprradar.detect.match.RuleHit;

/**
 * Turns what the matcher found into an explained assessment. Pure: the same listing, hits and clock
 * give the same assessment.
 *
 * <p>Signals: each text rule that matched; a fertiliser's implausible nutrient claim; one mention
 * of a protected brand (not in its own shop, not a compatibility statement); and, for that brand,
 * the price per retail unit compared with its reference band: far below adds points, within takes
 * some off; and the seller's record (blacklist, prior penalties, confirmed alerts), which only
 * strengthens another positive signal; likewise the listing's category when the plan focuses on it,
 * and a season in which its category's counterfeits peak. A cross-border listing of a protected
 * brand adds points and is marked for customs. Complaints about the listing (and a complaint surge)
 * add points of their own; complaints about the seller's other listings and the history of sellers
 * linked to it by shared identity details (its network, weighted below its own history) only
 * strengthen another positive signal. Positive contributions above 100 are scaled down; the
 * within-band credit then takes off at most what remains, so the contributions always add up to the
 * score.
 */
public final class Scorer {

  /** What separates the names of a list of brands: 苹果/华为、小米 and 三星. */
  private static final String LIST_SEPARATORS = " \t/、,，;；&+|和与及";

  /** A brand registered under this category is not tied to one kind of goods. */
  private static final String GENERIC_CATEGORY = "other";

  /** Seasons are the bureaus' seasons: a listing's day is its day in China. */
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private final ScoringSettings settings;
  private final SellerHistoryWeights sellerWeights;
  private final SellerContextWeights contextWeights;
  private final UnitCounter unitCounter;

  /** A scorer with the default seller-history weights. */
  public Scorer(ScoringSettings settings) {
    this(settings, SellerHistoryWeights.DEFAULTS);
  }

  public Scorer(ScoringSettings settings, SellerHistoryWeights sellerWeights) {
    this(settings, sellerWeights, SellerContextWeights.DEFAULTS);
  }

  public Scorer(
      ScoringSettings settings,
      SellerHistoryWeights sellerWeights,
      SellerContextWeights contextWeights) {
    this.settings = settings;
    this.sellerWeights = sellerWeights;
    this.contextWeights = contextWeights;
    this.unitCounter = new UnitCounter(settings.retailUnits());
  }

  public SellerContextWeights contextWeights() {
    return contextWeights;
  }

  public ScoringSettings settings() {
    return settings;
  }

  public SellerHistoryWeights sellerWeights() {
    return sellerWeights;
  }

  /**
   * @param brands the registry the match was made with, for brand details and reference prices
   */
  public Assessment assess(Listing listing, MatchResult match, BrandRegistry brands, Instant now) {
    return assess(listing, match, brands, (SellerRecord) null, now);
  }

  /**
   * @param brands the registry the match was made with, for brand details and reference prices
   * @param seller the record of the listing's seller, or null when none is known
   */
  public Assessment assess(
      Listing listing, MatchResult match, BrandRegistry brands, SellerRecord seller, Instant now) {
    return assess(listing, match, brands, SellerContext.of(seller), now);
  }

  /**
   * @param brands the registry the match was made with, for brand details and reference prices
   * @param context what is known about the listing's seller: record, network, complaints
   */
  public Assessment assess(
      Listing listing,
      MatchResult match,
      BrandRegistry brands,
      SellerContext context,
      Instant now) {
    SellerRecord seller = context.seller();
    if (seller != null
        && !seller.key().equals(SellerRecord.key(listing.platform(), listing.sellerId()))) {
      throw new IllegalArgumentException(
          "seller record " + seller.key() + " is not of listing " + listing.key());
    }
    var signals = new ArrayList<Signal>();
    for (RuleHit hit : match.hits()) {
      if (hit.rule().signalType() == SignalType.TEXT_RULE) {
        signals.add(textSignal(hit));
      }
    }
    nutrientSignal(listing).ifPresent(signals::add);
    Optional<BrandMention> mention = strongestBrandMention(listing, match, brands);
    Optional<Signal> withinBand = Optional.empty();
    if (mention.isPresent()) {
      Brand brand = mention.get().brand();
      signals.add(brandSignal(listing, mention.get()));
      Optional<PricePoint> price = pricePoint(listing, mention.get());
      price.flatMap(p -> belowBandSignal(listing, brand, p)).ifPresent(signals::add);
      withinBand = price.flatMap(p -> withinBandSignal(brand, p));
    }
    // A penalised or blacklisted seller may also sell genuine goods: its history says nothing about
    // one listing by itself, so it only strengthens what the listing itself shows. A price within
    // the brand's band is what a genuine product costs, so the history does not count there either.
    boolean shown = signals.stream().anyMatch(s -> s.contribution() > 0);
    InfringementType found = infringementType(signals);
    // Complaints name this listing (or its seller) from outside: unlike the seller's history they
    // are evidence about the listing itself, so the listing's own complaints count alone, and a
    // surge makes a lead of a listing complained about (DOMAIN: "a surge is a lead"). Complaints
    // about the seller's other listings, and its surge, only strengthen what this one shows: a
    // surge must not make a lead of every ordinary listing of the seller.
    InfringementType complained =
        found == InfringementType.NONE ? InfringementType.COUNTERFEIT_TRADEMARK : found;
    ComplaintCounts complaints = context.complaints();
    if (complaints != null) {
      complaintSignal(complaints, shown, complained).ifPresent(signals::add);
      surgeSignal(complaints, shown || complaints.listing30d() > 0, complained)
          .ifPresent(signals::add);
    }
    boolean suspicious = signals.stream().anyMatch(s -> s.contribution() > 0);
    found = infringementType(signals);
    if (seller != null && withinBand.isEmpty() && suspicious) {
      sellerSignal(seller, found).ifPresent(signals::add);
    }
    LinkedSellers linked = context.network();
    if (linked != null && withinBand.isEmpty() && suspicious) {
      networkSignal(listing, linked, found).ifPresent(signals::add);
    }
    if (listing.crossBorder() && mention.isPresent()) {
      signals.add(crossBorderSignal(listing, mention.get().brand()));
    }
    // A food listing before Spring Festival is no lead by itself: the category and the season only
    // say where counterfeits hurt most, so they strengthen what the listing itself shows; like the
    // seller's history, not when the price is a genuine product's.
    if (suspicious && withinBand.isEmpty()) {
      categorySignal(listing, found).ifPresent(signals::add);
      seasonalSignals(listing, found, now).forEach(signals::add);
    }

    List<Signal> scored = capAtHundred(signals);
    if (withinBand.isPresent()) {
      scored = withCredit(scored, withinBand.get());
    }
    double score = round(scored.stream().mapToDouble(Signal::contribution).sum());
    score = Math.max(0, Math.min(100, score));
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
        now,
        Assessment.estimatedSales(listing.price(), listing.unitsSold()),
        listing.crossBorder(),
        complaints,
        linked == null ? null : network(listing, linked));
  }

  /** The network as the assessment names it: members, their regions, the members with risk. */
  private SellerNetwork network(Listing listing, LinkedSellers linked) {
    String own = SellerRecord.key(listing.platform(), listing.sellerId());
    var members = new TreeSet<String>();
    var regions = new TreeSet<String>();
    var risky = new TreeSet<String>();
    members.add(own);
    for (SellerRecord member : linked.members()) {
      members.add(member.key());
      // The seller's own region: its record's, else what the listing says.
      String region =
          member.region() == null && member.key().equals(own)
              ? listing.sellerRegion()
              : member.region();
      if (region != null && !region.isBlank()) {
        regions.add(region);
      }
      if (historyPoints(member) > 0) {
        risky.add(member.key());
      }
    }
    return new SellerNetwork(
        linked.id(),
        List.copyOf(members),
        members.size(),
        List.copyOf(regions),
        List.copyOf(risky));
  }

  /**
   * Points for the riskiest other member of the seller's network: a share of what its own history
   * would add, capped. The evidence names every member with risk and the detail it shares.
   */
  private Optional<Signal> networkSignal(
      Listing listing, LinkedSellers linked, InfringementType type) {
    String own = SellerRecord.key(listing.platform(), listing.sellerId());
    var reasons = new ArrayList<String>();
    var evidence = new ArrayList<Evidence>();
    double riskiest = 0;
    for (SellerRecord member : linked.members()) {
      if (member.key().equals(own)) {
        continue;
      }
      double points = historyPoints(member);
      if (points <= 0) {
        continue;
      }
      riskiest = Math.max(riskiest, points);
      String link = linked.linkedBy().getOrDefault(member.key(), "");
      String kind = link.isEmpty() ? null : SellerRecord.kindOf(link);
      String via =
          link.isEmpty()
              ? ""
              : " (shared "
                  + (kind == null ? "identity detail" : kind)
                  + " "
                  + shortHash(SellerRecord.bareHash(link))
                  + ")";
      reasons.add(member.key() + via + ": " + String.join(", ", historyFacts(member)));
      evidence.add(new Evidence("network", 0, member.key().length(), member.key()));
    }
    double points =
        Math.min(contextWeights.networkCap(), round(riskiest * contextWeights.networkShare()));
    if (points <= 0) {
      return Optional.empty();
    }
    return Optional.of(
        new Signal(
            SignalType.SELLER_NETWORK,
            "network:" + linked.id(),
            1,
            type,
            null,
            points,
            "Seller network "
                + linked.id()
                + " ("
                + linked.members().size()
                + (linked.complete() ? "" : "+")
                + " sellers sharing phone, ID, address or payment details) has members with a"
                + " record: "
                + String.join("; ", reasons),
            evidence));
  }

  private static String shortHash(String hash) {
    return hash.substring(0, Math.min(12, hash.length())) + "…";
  }

  /** The listing's complaints, and the seller's others when the listing shows something. */
  private Optional<Signal> complaintSignal(
      ComplaintCounts counts, boolean shown, InfringementType type) {
    var w = contextWeights;
    double own =
        Math.min(w.listingComplaintCap(), counts.listing30d() * w.listingComplaintWeight());
    int others = Math.max(0, counts.seller30d() - counts.listing30d());
    boolean counted = shown || own > 0;
    double seller =
        counted ? Math.min(w.sellerComplaintCap(), others * w.sellerComplaintWeight()) : 0;
    double points = round(own + seller);
    if (points <= 0) {
      return Optional.empty();
    }
    var facts = new ArrayList<String>();
    var evidence = new ArrayList<Evidence>();
    if (own > 0) {
      facts.add(counts.listing30d() + " about this listing");
      String n = String.valueOf(counts.listing30d());
      evidence.add(new Evidence("complaints.listing30d", 0, n.length(), n));
    }
    if (seller > 0) {
      facts.add(counts.seller30d() + " about the seller");
      String n = String.valueOf(counts.seller30d());
      evidence.add(new Evidence("complaints.seller30d", 0, n.length(), n));
    }
    return Optional.of(
        new Signal(
            SignalType.COMPLAINTS,
            "complaints:30d",
            1,
            type,
            null,
            points,
            "Complaints in the 30 days before: " + String.join(", ", facts),
            evidence));
  }

  private Optional<Signal> surgeSignal(
      ComplaintCounts counts, boolean concernsListing, InfringementType type) {
    if (!counts.surge() || !concernsListing || contextWeights.surgeWeight() <= 0) {
      return Optional.empty();
    }
    String n = String.valueOf(counts.last7d());
    return Optional.of(
        new Signal(
            SignalType.COMPLAINT_SURGE,
            "complaints:surge",
            1,
            type,
            null,
            contextWeights.surgeWeight(),
            String.format(
                Locale.ROOT,
                "Complaint surge: %d complaints about the listing or its seller in 7 days, at"
                    + " least %d and %.1f times the usual rate",
                counts.last7d(),
                contextWeights.surgeMinimum(),
                contextWeights.surgeRatio()),
            List.of(new Evidence("complaints.last7d", 0, n.length(), n))));
  }

  /** An export listing of a protected brand is for customs to stop at the border. */
  private Signal crossBorderSignal(Listing listing, Brand brand) {
    return new Signal(
        SignalType.CROSS_BORDER,
        "cross-border:" + brand.brandId(),
        brand.version(),
        brandInfringement(listing, brand),
        brand.brandId(),
        settings.crossBorderWeight(),
        "Cross-border listing of the protected brand "
            + brand.names().get(0)
            + ": marked for customs (海关)",
        List.of(new Evidence("crossBorder", 0, 4, "true")));
  }

  private Optional<Signal> categorySignal(Listing listing, InfringementType type) {
    String category = listing.category();
    Double points = category == null ? null : settings.categoryPoints().get(category);
    if (points == null || points <= 0) {
      return Optional.empty();
    }
    return Optional.of(
        new Signal(
            SignalType.CATEGORY_PRIORITY,
            "category:" + category,
            1,
            type,
            null,
            points,
            "Category " + category + " is a focus of the enforcement plan",
            List.of(new Evidence("category", 0, category.length(), category))));
  }

  /** Each window the listing's day in Asia/Shanghai falls into, for the listing's category. */
  private List<Signal> seasonalSignals(Listing listing, InfringementType type, Instant now) {
    Instant at = listing.observedAt() != null ? listing.observedAt() : now;
    LocalDate day = at.atZone(SHANGHAI).toLocalDate();
    String dayText = day.toString();
    return settings.seasonalWindows().stream()
        .filter(w -> w.points() > 0 && w.concerns(listing.category()) && w.contains(day))
        .map(
            w ->
                new Signal(
                    SignalType.SEASONAL_WINDOW,
                    "season:" + w.name(),
                    1,
                    type,
                    null,
                    w.points(),
                    String.format(
                        Locale.ROOT,
                        "Observed %s, within %s (%s to %s), when counterfeit %s peaks",
                        dayText,
                        w.name(),
                        w.from(),
                        w.to(),
                        listing.category()),
                    List.of(new Evidence("observedAt", 0, dayText.length(), dayText))))
        .toList();
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

  private Signal brandSignal(Listing listing, BrandMention m) {
    return new Signal(
        SignalType.BRAND_MENTION,
        m.hit().rule().id(),
        m.hit().rule().version(),
        brandInfringement(listing, m.brand()),
        m.brand().brandId(),
        settings.brandMentionWeight(),
        "Names the protected brand "
            + String.join(" / ", m.brand().names())
            + " ("
            + m.brand().protection()
            + ") outside its official shops",
        m.evidence());
  }

  /**
   * What a counterfeit of the brand amounts to, by what the listing sells: a fake pesticide brand
   * is a substandard agricultural input, a fake drug brand a fake drug.
   */
  private InfringementType brandInfringement(Listing listing, Brand brand) {
    String category = listing.category() != null ? listing.category() : brand.category();
    return category == null
        ? InfringementType.COUNTERFEIT_TRADEMARK
        : settings
            .brandTypeByCategory()
            .getOrDefault(category, InfringementType.COUNTERFEIT_TRADEMARK);
  }

  /**
   * The listing's price per retail unit, when it can be compared with the brand's reference band:
   * the band is known, and the listing is in the brand's own category or names the brand by a
   * distinctive registered name (see {@link #namesItDistinctively}).
   */
  private Optional<PricePoint> pricePoint(Listing listing, BrandMention mention) {
    Brand brand = mention.brand();
    BigDecimal min = brand.referencePriceMin();
    BigDecimal price = listing.price();
    if (min == null || min.signum() <= 0 || price.signum() <= 0) {
      return Optional.empty();
    }
    boolean sameCategory =
        listing.category() == null
            || brand.category() == null
            || GENERIC_CATEGORY.equals(brand.category())
            || listing.category().equals(brand.category());
    if (!sameCategory && !namesItDistinctively(mention)) {
      return Optional.empty();
    }
    UnitCount units = unitCounter.count(listing.title());
    return Optional.of(new PricePoint(price, units, price.doubleValue() / units.units()));
  }

  /**
   * Whether the listing names the brand by one of its registered Chinese names of three characters
   * or more. Such a name (云南白药, 同仁堂) means the brand's goods even outside the category it was
   * registered under (云南白药 toothpaste), while a short name or a nickname is often an ordinary word
   * (苹果 the fruit, 小米 millet, 老花 reading glasses) and is only trusted in the brand's own category.
   */
  private static boolean namesItDistinctively(BrandMention mention) {
    for (String name : mention.brand().names()) {
      String bare = fold(name);
      if (bare.codePoints().count() < 3
          || bare.codePoints()
              .noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
        continue;
      }
      for (Evidence e : mention.evidence()) {
        if (fold(e.text()).contains(bare)) {
          return true;
        }
      }
    }
    return false;
  }

  private Optional<Signal> belowBandSignal(Listing listing, Brand brand, PricePoint price) {
    double min = brand.referencePriceMin().doubleValue();
    double ratio = price.unitPrice() / min;
    if (ratio >= settings.priceBandRatio()) {
      return Optional.empty();
    }
    return Optional.of(
        new Signal(
            SignalType.PRICE_BELOW_BAND,
            "price:" + brand.brandId(),
            brand.version(),
            brandInfringement(listing, brand),
            brand.brandId(),
            settings.priceBelowBandWeight(),
            String.format(
                Locale.ROOT,
                "%s is %.0f%% of the lowest reference price of %s (band %s)",
                price.describe(),
                ratio * 100,
                brand.names().get(0),
                band(brand)),
            price.evidence()));
  }

  /**
   * A price within the brand's band is what a genuine product costs: it speaks against the other
   * signals. Its contribution is set once they are known, see {@link #withCredit}.
   */
  private Optional<Signal> withinBandSignal(Brand brand, PricePoint price) {
    BigDecimal max = brand.referencePriceMax();
    boolean within =
        price.unitPrice() >= brand.referencePriceMin().doubleValue()
            && (max == null || price.unitPrice() <= max.doubleValue());
    if (!within || settings.priceWithinBandWeight() <= 0) {
      return Optional.empty();
    }
    return Optional.of(
        new Signal(
            SignalType.PRICE_WITHIN_BAND,
            "price:" + brand.brandId(),
            brand.version(),
            InfringementType.NONE,
            brand.brandId(),
            -settings.priceWithinBandWeight(),
            String.format(
                Locale.ROOT,
                "%s is within the reference band %s of %s, as a genuine product's would be",
                price.describe(),
                band(brand),
                brand.names().get(0)),
            price.evidence()));
  }

  /**
   * Adds the negative signal, taking off at most what the others add: the score never falls below 0
   * and the contributions still add up to it.
   */
  private static List<Signal> withCredit(List<Signal> scored, Signal credit) {
    double positive = scored.stream().mapToDouble(Signal::contribution).sum();
    double contribution = -Math.min(-credit.contribution(), round(positive));
    if (contribution == 0) {
      return scored;
    }
    var all = new ArrayList<>(scored);
    all.add(credit.withContribution(round(contribution)));
    return all;
  }

  private static String band(Brand brand) {
    return "¥"
        + brand.referencePriceMin().stripTrailingZeros().toPlainString()
        + "-"
        + Optional.ofNullable(brand.referencePriceMax())
            .map(max -> max.stripTrailingZeros().toPlainString())
            .orElse("");
  }

  /**
   * The seller's record: points for the blacklist, for prior penalties for counterfeiting or IP
   * infringement and for confirmed alerts, each capped, the sum capped again. It takes the
   * infringement type of the listing's other signals: the history backs their finding.
   */
  private Optional<Signal> sellerSignal(SellerRecord seller, InfringementType type) {
    double points = historyPoints(seller);
    if (points <= 0) {
      return Optional.empty();
    }
    String key = seller.key();
    return Optional.of(
        new Signal(
            SignalType.SELLER_HISTORY,
            "seller:" + key,
            (int) Math.min(Integer.MAX_VALUE, seller.version()),
            type,
            null,
            points,
            "Seller " + key + ": " + String.join(", ", historyFacts(seller)),
            List.of(new Evidence("seller", 0, key.length(), key))));
  }

  /** What a seller's own history adds: blacklist, penalties and alerts, each capped, then all. */
  private double historyPoints(SellerRecord seller) {
    var w = sellerWeights;
    long ipPenalties = seller.penalties().stream().filter(this::isForInfringement).count();
    double blacklisted = seller.blacklisted() ? w.blacklistedWeight() : 0;
    double penalties = Math.min(w.penaltyCap(), ipPenalties * w.penaltyWeight());
    double alerts =
        Math.min(w.confirmedAlertCap(), seller.confirmedAlerts() * w.confirmedAlertWeight());
    return Math.min(w.signalCap(), blacklisted + penalties + alerts);
  }

  /** The parts of a seller's history that add points, in words. */
  private List<String> historyFacts(SellerRecord seller) {
    var w = sellerWeights;
    List<SellerPenalty> ipPenalties =
        seller.penalties().stream().filter(this::isForInfringement).toList();
    var facts = new ArrayList<String>();
    if (!ipPenalties.isEmpty() && w.penaltyWeight() > 0 && w.penaltyCap() > 0) {
      facts.add(
          ipPenalties.size()
              + (ipPenalties.size() == 1 ? " prior penalty: " : " prior penalties: ")
              + String.join(
                  "; ",
                  ipPenalties.stream()
                      .map(p -> p.decisionNo() + " (" + p.date() + ", " + p.reason() + ")")
                      .toList()));
    }
    if (seller.blacklisted() && w.blacklistedWeight() > 0) {
      facts.add("blacklisted since " + seller.blacklistedSince());
    }
    if (seller.confirmedAlerts() > 0 && w.confirmedAlertWeight() > 0 && w.confirmedAlertCap() > 0) {
      facts.add(
          seller.confirmedAlerts()
              + (seller.confirmedAlerts() == 1 ? " earlier alert" : " earlier alerts")
              + " confirmed");
    }
    return facts;
  }

  private boolean isForInfringement(SellerPenalty penalty) {
    String reason = penalty.reason().toLowerCase(Locale.ROOT);
    return sellerWeights.penaltyReasonMarkers().stream()
        .anyMatch(m -> reason.contains(m.toLowerCase(Locale.ROOT)));
  }

  /** A fertiliser claiming more nutrients than fit in it. */
  private Optional<Signal> nutrientSignal(Listing listing) {
    return NutrientClaims.highest(listing)
        .filter(claim -> claim.percent() > settings.maxPlausibleNutrientPercent())
        .map(
            claim ->
                new Signal(
                    SignalType.IMPLAUSIBLE_CLAIM,
                    "claim:nutrients",
                    1,
                    InfringementType.SUBSTANDARD_AGRI_INPUT,
                    null,
                    settings.implausibleNutrientWeight(),
                    String.format(
                        Locale.ROOT,
                        "Claims %.0f%% total nutrients (%s); a compound fertiliser cannot carry more"
                            + " than %.0f%%, so the label misstates what is sold",
                        claim.percent(),
                        claim.evidence().text(),
                        settings.maxPlausibleNutrientPercent()),
                    List.of(claim.evidence())));
  }

  /**
   * The brand named earliest in the listing, not counting the brand's own official shop nor
   * mentions that only state compatibility. One brand counts once: naming two brands is not twice
   * the risk.
   */
  private Optional<BrandMention> strongestBrandMention(
      Listing listing, MatchResult match, BrandRegistry brands) {
    List<Evidence> brandEvidence =
        match.hits().stream()
            .filter(h -> h.rule().signalType() == SignalType.BRAND_MENTION)
            .flatMap(h -> h.evidence().stream())
            .toList();
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
          || hit.evidence().stream()
              .anyMatch(e -> isCompatibilityReference(listing, e, brandEvidence))) {
        continue;
      }
      var mention = new BrandMention(brand.get(), hit, hit.evidence());
      if (best == null || mention.firstOffset() < best.firstOffset()) {
        best = mention;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * The brand's own shop: one the registry lists, or one whose name joins one of the brand's names
   * with an official marker (罗莱家纺抖音官方旗舰店, Nike京东自营官方旗舰店). Marketplaces grant 官方, 旗舰 and 自营 only to
   * rights holders and their authorised sellers, so such a shop name is the platform's word that
   * the shop sells the genuine brand.
   */
  private boolean isOfficialShop(Listing listing, Brand brand) {
    String shop = listing.shopName().strip();
    if (shop.isEmpty()) {
      return false;
    }
    if (brand.officialShops().stream().anyMatch(s -> s.strip().equals(shop))) {
      return true;
    }
    String folded = fold(shop);
    return settings.officialShopMarkers().stream().anyMatch(m -> folded.contains(fold(m)))
        && brand.names().stream().map(Scorer::fold).anyMatch(name -> containsName(folded, name));
  }

  /** Lower case without spaces: "NIKE 官方旗舰店" and "nike官方旗舰店" are one shop name. */
  private static String fold(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
  }

  /**
   * Whether a shop name holds a brand name as a word of its own: MI is not in MIUMIU, but 小米 is in
   * 小米官方旗舰店.
   */
  private static boolean containsName(String shop, String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int at = shop.indexOf(name); at >= 0; at = shop.indexOf(name, at + 1)) {
      int end = at + name.length();
      boolean clearBefore = at == 0 || !isLatinOrDigit(shop.charAt(at - 1));
      boolean clearAfter = end == shop.length() || !isLatinOrDigit(shop.charAt(end));
      if (clearBefore && clearAfter) {
        return true;
      }
    }
    return false;
  }

  private static boolean isLatinOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  /**
   * Whether a compatibility marker comes right before the mention, or before a list of brand names
   * that ends with it: in "适用苹果华为小米 数据线" each of the three is only what the cable fits.
   */
  private boolean isCompatibilityReference(
      Listing listing, Evidence evidence, List<Evidence> brandEvidence) {
    String text =
        switch (evidence.field()) {
          case "title" -> listing.title();
          case "description" -> listing.description();
          default -> "";
        };
    int start = evidence.start();
    for (boolean moved = true; moved; ) {
      moved = false;
      int end = start;
      while (end > 0 && LIST_SEPARATORS.indexOf(text.charAt(end - 1)) >= 0) {
        end--;
      }
      for (Evidence other : brandEvidence) {
        if (other.field().equals(evidence.field()) && other.end() == end && other.start() < start) {
          start = other.start();
          moved = true;
          break;
        }
      }
    }
    String before = text.substring(Math.max(0, start - 6), start).strip().toLowerCase(Locale.ROOT);
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
        .filter(s -> s.type() == SignalType.TEXT_RULE || s.type() == SignalType.IMPLAUSIBLE_CLAIM)
        .max(Comparator.comparingDouble(Signal::contribution))
        .or(() -> signals.stream().filter(s -> s.contribution() > 0).findFirst())
        .map(Signal::infringementType)
        .orElse(InfringementType.NONE);
  }

  private static double round(double value) {
    return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
  }

  /**
   * A listing's price as compared with a band.
   *
   * @param unitPrice the price of one retail unit: the price over the units the title states
   */
  private record PricePoint(BigDecimal price, UnitCount units, double unitPrice) {

    /** "Price ¥300" or "Unit price ¥2.99 (¥29.9 for 10 units: 10支)". */
    String describe() {
      String total = "¥" + price.stripTrailingZeros().toPlainString();
      if (!units.isBulk()) {
        return "Price " + total;
      }
      return String.format(
          Locale.ROOT,
          "Unit price ¥%.2f (%s for %s units: %s)",
          unitPrice,
          total,
          BigDecimal.valueOf(units.units()).stripTrailingZeros().toPlainString(),
          units.text());
    }

    /** The price, and the quantity text it was divided by. */
    List<Evidence> evidence() {
      String text = price.toPlainString();
      var evidence = new ArrayList<Evidence>();
      evidence.add(new Evidence("price", 0, text.length(), text));
      evidence.addAll(units.evidence());
      return evidence;
    }
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
