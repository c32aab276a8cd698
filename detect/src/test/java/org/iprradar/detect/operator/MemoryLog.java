package org.iprradar.detect.operator;

import java.util.ArrayList;
import java.util.List;
import org.iprradar.common.model.Brand;
import org.iprradar.common.model.ConfigChange;
import org.iprradar.common.model.Rule;
import org.iprradar.common.model.ScoringOverride;
import org.iprradar.detect.rules.RuleBook;
import org.iprradar.detect.score.ScoringBook;

/**
 * An operator log in memory that, like the rule feed, applies every published change to the book,
 * so that the service sees its own changes as it would a moment after writing them to Kafka.
 */
final class MemoryLog implements OperatorLog {

  final List<ConfigChange> changes = new ArrayList<>();
  private final RuleBook book;
  private final ScoringBook scoring;

  MemoryLog(RuleBook book) {
    this(book, null);
  }

  MemoryLog(RuleBook book, ScoringBook scoring) {
    this.book = book;
    this.scoring = scoring;
  }

  @Override
  public void publish(ConfigChange change, Object value) {
    changes.add(change);
    if (change.kind().equals(ConfigChange.SCORING)) {
      if (value == null) {
        scoring.remove(change.id());
      } else {
        scoring
            .put(change.id(), (ScoringOverride) value)
            .ifPresent(
                reason -> {
                  throw new AssertionError(reason);
                });
      }
      scoring.publish();
      return;
    }
    if (change.kind().equals(ConfigChange.RULE)) {
      if (value == null) {
        book.removeRule(change.id());
      } else {
        book.putRule((Rule) value);
      }
    } else if (value == null) {
      book.removeBrand(change.id());
    } else {
      book.putBrand((Brand) value);
    }
    book.publish();
  }

  @Override
  public List<ConfigChange> history(String kind, String id) {
    return changes.stream().filter(c -> c.kind().equals(kind) && c.id().equals(id)).toList();
  }
}
