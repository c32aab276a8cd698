package org.iprradar.detect.match;

import java.util.List;
import java.util.Objects;
import org.iprradar.common.model.Evidence;

/** A rule that matched a listing, with the original text of every match. */
public record RuleHit(MatchRule rule, List<Evidence> evidence) {
  public RuleHit {
    Objects.requireNonNull(rule, "rule");
    evidence = List.copyOf(evidence);
  }
}
