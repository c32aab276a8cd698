package org.iprradar.detect.quality;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iprradar.common.model.Brand;
import org.iprradar.common.model.Listing;
import org.iprradar.common.model.SignalType;
import org.iprradar.detect.match.ListingAnalyzer;
import org.iprradar.detect.match.Presearcher;
import org.iprradar.detect.match.RuleHit;
import org.iprradar.detect.rules.RuleBook;
import org.iprradar.detect.rules.RuleSet;
import org.iprradar.detect.score.ScoringSettings;

/**
 * Measures brand recall: every distinct tagged name becomes a registry brand of that one name, the
 * engine matches every title, and each tagged mention must be found in its own title. Titles with
 * no tagged brand measure false alarms.
 */
public final class BrandRecall {

  private BrandRecall() {}

  public static BrandRecallResult measure(List<TaggedTitle> titles) {
    Map<String, String> idByName = new LinkedHashMap<>();
    for (TaggedTitle title : titles) {
      for (String brand : title.brands()) {
        String name = brand.strip();
        if (!name.isEmpty()) {
          idByName.putIfAbsent(name, "tagged-" + (idByName.size() + 1));
        }
      }
    }
    RuleSet rules = registry(idByName);
    Map<String, String> nameById = new LinkedHashMap<>();
    idByName.forEach((name, id) -> nameById.put(id, name));

    int mentions = 0;
    int found = 0;
    int withoutBrand = 0;
    var misses = new ArrayList<BrandRecallResult.Miss>();
    var falseAlarms = new ArrayList<BrandRecallResult.FalseAlarm>();
    for (int i = 0; i < titles.size(); i++) {
      TaggedTitle title = titles.get(i);
      Set<String> hits = brandHits(rules, listing(i, title.title()));
      List<String> tagged =
          title.brands().stream().map(String::strip).filter(b -> !b.isEmpty()).toList();
      if (tagged.isEmpty()) {
        withoutBrand++;
        if (!hits.isEmpty()) {
          falseAlarms.add(
              new BrandRecallResult.FalseAlarm(
                  title.title(), hits.stream().map(nameById::get).sorted().toList()));
        }
        continue;
      }
      for (String name : tagged) {
        mentions++;
        if (hits.contains(idByName.get(name))) {
          found++;
        } else {
          misses.add(new BrandRecallResult.Miss(title.title(), name));
        }
      }
    }
    return new BrandRecallResult(
        titles.size(),
        idByName.size(),
        mentions,
        found,
        withoutBrand,
        falseAlarms.size(),
        misses,
        falseAlarms);
  }

  private static RuleSet registry(Map<String, String> idByName) {
    var book =
        new RuleBook(
            new ListingAnalyzer(),
            ScoringSettings.DEFAULTS.brandMentionWeight(),
            Presearcher.TERM_FILTERED);
    idByName.forEach(
        (name, id) ->
            book.putBrand(
                new Brand(
                    id, List.of(name), List.of(), null, null, null, null, null, List.of(), 1)));
    return book.publish();
  }

  private static Set<String> brandHits(RuleSet rules, Listing listing) {
    var ids = new HashSet<String>();
    for (RuleHit hit : rules.matcher().match(listing).hits()) {
      if (hit.rule().signalType() == SignalType.BRAND_MENTION) {
        ids.add(hit.rule().brandId());
      }
    }
    return ids;
  }

  private static Listing listing(int index, String title) {
    return new Listing(
        "quality",
        "title-" + index,
        title,
        "",
        "",
        BigDecimal.ZERO,
        "quality",
        null,
        null,
        null,
        false,
        null,
        List.of(),
        null,
        1);
  }
}
