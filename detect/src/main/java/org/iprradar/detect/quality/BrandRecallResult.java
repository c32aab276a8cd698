package org.iprradar.detect.quality;

import java.util.List;

/**
 * How well brand matching finds the brands annotators tagged.
 *
 * @param titles titles read
 * @param names distinct tagged names, one registry brand each
 * @param mentions tagged mentions over all titles
 * @param found tagged mentions the engine found in their own title
 * @param titlesWithoutBrand titles with no tagged mention
 * @param falseAlarms of those, titles where some brand fired
 * @param misses every tagged mention not found
 * @param falseAlarmTitles every title without a tagged mention where some brand fired
 */
public record BrandRecallResult(
    int titles,
    int names,
    int mentions,
    int found,
    int titlesWithoutBrand,
    int falseAlarms,
    List<Miss> misses,
    List<FalseAlarm> falseAlarmTitles) {

  public BrandRecallResult {
    misses = List.copyOf(misses);
    falseAlarmTitles = List.copyOf(falseAlarmTitles);
  }

  /** Share of tagged mentions found in their own titles; NaN without mentions. */
  public double recall() {
    return mentions == 0 ? Double.NaN : (double) found / mentions;
  }

  /** Share of titles without a tagged brand where a brand fired; NaN without such titles. */
  public double falseAlarmRate() {
    return titlesWithoutBrand == 0 ? Double.NaN : (double) falseAlarms / titlesWithoutBrand;
  }

  /** A tagged mention the engine did not find in its title. */
  public record Miss(String title, String brand) {}

  /** A title without tagged brands where the engine found some, with the names it found. */
  public record FalseAlarm(String title, List<String> found) {
    public FalseAlarm {
      found = List.copyOf(found);
    }
  }
}
