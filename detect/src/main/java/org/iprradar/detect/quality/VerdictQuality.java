package org.iprradar.detect.quality;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.iprradar.detect.rules.RuleSet;
import org.iprradar.detect.score.Scorer;

/**
 * Runs the engine (matcher and scorer, as the topology does) over labelled listings and compares
 * each lead verdict with its label.
 */
public final class VerdictQuality {

  private VerdictQuality() {}

  public static VerdictResult measure(
      List<LabeledListing> listings, RuleSet rules, Scorer scorer, Instant now) {
    var verdicts = new ArrayList<Verdict>(listings.size());
    for (LabeledListing labeled : listings) {
      var match = rules.matcher().match(labeled.listing());
      var assessment = scorer.assess(labeled.listing(), match, rules.brands(), now);
      verdicts.add(new Verdict(labeled, assessment));
    }
    return new VerdictResult(verdicts);
  }
}
