package org.iprradar.detect.quality;

import java.util.Objects;
import org.iprradar.common.model.Assessment;

/** The engine's assessment of a labelled listing, compared with the label. */
public record Verdict(LabeledListing labeled, Assessment assessment) {

  /** How the engine's lead verdict compares with the label. */
  public enum Outcome {
    TRUE_POSITIVE,
    FALSE_POSITIVE,
    FALSE_NEGATIVE,
    TRUE_NEGATIVE
  }

  public Verdict {
    Objects.requireNonNull(labeled, "labeled");
    Objects.requireNonNull(assessment, "assessment");
  }

  public Outcome outcome() {
    boolean expected = labeled.label().infringing();
    if (assessment.lead()) {
      return expected ? Outcome.TRUE_POSITIVE : Outcome.FALSE_POSITIVE;
    }
    return expected ? Outcome.FALSE_NEGATIVE : Outcome.TRUE_NEGATIVE;
  }

  /** Whether the engine named the labelled infringement type. */
  public boolean typeMatches() {
    return assessment.infringementType() == labeled.label().type();
  }
}
