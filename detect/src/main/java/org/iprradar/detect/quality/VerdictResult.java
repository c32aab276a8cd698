package org.iprradar.detect.quality;

import java.util.List;
import org.iprradar.detect.quality.Verdict.Outcome;

/** The engine's verdicts on a labelled set, with the figures derived from them. */
public record VerdictResult(List<Verdict> verdicts) {

  public VerdictResult {
    verdicts = List.copyOf(verdicts);
  }

  public long count(Outcome outcome) {
    return verdicts.stream().filter(v -> v.outcome() == outcome).count();
  }

  /** Listings labelled not infringing: the hard negatives. */
  public long negatives() {
    return verdicts.stream().filter(v -> !v.labeled().label().infringing()).count();
  }

  /** Listings labelled infringing. */
  public long positives() {
    return verdicts.size() - negatives();
  }

  /** Share of leads that are labelled infringing; NaN without leads. */
  public double precision() {
    return ratio(
        count(Outcome.TRUE_POSITIVE), count(Outcome.TRUE_POSITIVE) + count(Outcome.FALSE_POSITIVE));
  }

  /** Share of infringing listings that became leads; NaN without infringing listings. */
  public double recall() {
    return ratio(count(Outcome.TRUE_POSITIVE), positives());
  }

  /** Share of hard negatives that became leads; NaN without negatives. */
  public double falseAlarmRate() {
    return ratio(count(Outcome.FALSE_POSITIVE), negatives());
  }

  /** True positives whose infringement type is the labelled one. */
  public long typeMatches() {
    return verdicts.stream()
        .filter(v -> v.outcome() == Outcome.TRUE_POSITIVE && v.typeMatches())
        .count();
  }

  /** Share of true positives with the labelled infringement type; NaN without true positives. */
  public double typeAccuracy() {
    return ratio(typeMatches(), count(Outcome.TRUE_POSITIVE));
  }

  /** False positives and false negatives, in input order. */
  public List<Verdict> misclassified() {
    return verdicts.stream()
        .filter(v -> v.outcome() == Outcome.FALSE_POSITIVE || v.outcome() == Outcome.FALSE_NEGATIVE)
        .toList();
  }

  /** True positives with another infringement type than the labelled one. */
  public List<Verdict> wrongType() {
    return verdicts.stream()
        .filter(v -> v.outcome() == Outcome.TRUE_POSITIVE && !v.typeMatches())
        .toList();
  }

  private static double ratio(long part, long whole) {
    return whole == 0 ? Double.NaN : (double) part / whole;
  }
}
