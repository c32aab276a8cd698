package org.iprradar.benchmarks.load;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.iprradar.benchmarks.BenchmarkRules;
import org.iprradar.detect.TaobaoTitle;

/**
 * Listings as partners post them, built from the real Taobao titles: a seller from a pool with
 * Nantong district codes, a category, a price that is low for a listing naming a brand with replica
 * slang (as counterfeits are priced) and spread otherwise, units sold, a shop name with the brand
 * in it for some. Each call makes the next listing of a run as one NDJSON line.
 */
final class ListingSource {

  private static final List<String> DISTRICTS =
      List.of("320602", "320611", "320612", "320623", "320681", "320682", "320684", "320685");
  private static final List<String> CATEGORIES =
      List.of("luxury_bags", "apparel", "shoes", "cosmetics", "electronics", "home_textiles");
  private final List<TaobaoTitle> titles;
  private final String prefix;
  private final Random random;
  private final int sellers;
  private long next;

  /**
   * @param prefix makes this run's listing ids unique, so that every listing is a new one
   * @param sellers how many sellers the listings spread over: fewer sellers, more leads per alert
   */
  ListingSource(List<TaobaoTitle> titles, String prefix, int sellers, long seed) {
    this.titles = titles;
    this.sellers = sellers;
    this.prefix = prefix;
    this.random = new Random(seed);
  }

  /** The key {@code taobao:<id>} of the listing {@link #line} made with the same number. */
  String key(long number) {
    return "taobao:" + prefix + "-" + number;
  }

  long nextNumber() {
    return next++;
  }

  /** Listing number {@code number} as one JSON line, without the line break. */
  byte[] line(long number) {
    TaobaoTitle title = titles.get((int) (number % titles.size()));
    boolean branded = !title.brands().isEmpty();
    // About 0.7 % of the crawled titles hold U+FFFD where the crawl broke a character. Ingest
    // refuses it as invalid UTF-8, rightly for a partner; here it would count as a rejected listing
    // and fail every step, so the broken character is left out, as a partner's clean feed would.
    String text = title.title().replace("\uFFFD", "");
    if (branded && random.nextInt(4) == 0) {
      // A quarter of the branded listings add replica slang, as a counterfeit seller would.
      text = text + " " + BenchmarkRules.SLANG.get(random.nextInt(BenchmarkRules.SLANG.size()));
    }
    int seller = random.nextInt(sellers);
    double price =
        branded && random.nextBoolean() ? 50 + random.nextInt(400) : 5 + random.nextInt(3_000);
    String shop =
        branded && random.nextInt(3) == 0 ? title.brands().get(0) + "工厂店" : "店铺" + seller % 997;
    var json = new StringBuilder(256);
    json.append("{\"platform\":\"taobao\",\"listingId\":\"")
        .append(prefix)
        .append('-')
        .append(number)
        .append("\",\"sellerId\":\"tb_")
        .append(seller)
        .append("\",\"sellerRegion\":\"")
        .append(DISTRICTS.get(seller % DISTRICTS.size()))
        .append("\",\"category\":\"")
        .append(CATEGORIES.get(random.nextInt(CATEGORIES.size())))
        .append("\",\"price\":")
        .append(String.format(Locale.ROOT, "%.2f", price))
        .append(",\"unitsSold\":")
        .append(random.nextInt(500))
        .append(",\"shopName\":")
        .append(quote(shop))
        .append(",\"title\":")
        .append(quote(text))
        .append('}');
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** {@code text} as a JSON string literal. */
  static String quote(String text) {
    var out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
