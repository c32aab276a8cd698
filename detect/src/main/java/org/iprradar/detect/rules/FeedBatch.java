package org.iprradar.detect.rules;

import java.util.List;

/**
 * What one poll batch of the rule feed changed.
 *
 * @param rulesRemoved rules taken out by a tombstone or by {@code enabled: false}
 * @param rejections records not applied, in the order they were read
 * @param settingsRemoved scoring-settings entries taken out by a tombstone
 * @param publishedVersion the version of the rule set published at the end of the batch, or 0 when
 *     the batch changed no rule or brand and no rule set was published
 * @param settingsVersion the version of the scoring settings published at the end of the batch, or
 *     null when the batch changed none
 */
record FeedBatch(
    int records,
    int rulesPut,
    int rulesRemoved,
    int brandsPut,
    int brandsRemoved,
    int settingsPut,
    int settingsRemoved,
    List<Rejection> rejections,
    long publishedVersion,
    String settingsVersion) {

  public FeedBatch {
    rejections = List.copyOf(rejections);
  }

  /** Whether the batch put a new rule set in force. */
  boolean published() {
    return publishedVersion > 0;
  }

  /** Whether the batch put new scoring settings in force. */
  boolean publishedSettings() {
    return settingsVersion != null;
  }
}
