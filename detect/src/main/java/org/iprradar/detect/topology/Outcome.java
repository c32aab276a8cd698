package org.iprradar.detect.topology;

import org.iprradar.common.model.Assessment;

/** What became of one input record: an assessment, or a dead letter with its reason. */
sealed interface Outcome {

  /**
   * @param json the assessment as the assessments topic's serde writes it: written once, for the
   *     assessments topic and inside the lead
   */
  record Assessed(Assessment assessment, byte[] json) implements Outcome {}

  record Rejected(byte[] original, String reason) implements Outcome {}
}
