package org.iprradar.detect.rules;

import java.util.List;

/**
 * What one poll batch of the rule feed changed.
 *
 * @param rulesRemoved rules taken out by a tombstone or by {@code enabled: false}
 * @param rejections records not applied, in the order they were read
 * @param publishedVersion the version of the rule set published at the end of the batch, or 0 when
 *     the batch changed nothing and nothing was published
 */
record FeedBatch(
    int records,
    int rulesPut,
    int rulesRemoved,
    int brandsPut,
    int brandsRemoved,
    List<Rejection> rejections,
    long publishedVersion) {

  public FeedBatch {
    rejections = List.copyOf(rejections);
  }

  /** Whether the batch put a new rule set in force. */
  boolean published() {
    return publishedVersion > 0;
  }
}
