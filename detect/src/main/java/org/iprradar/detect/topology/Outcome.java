package org.iprradar.detect.topology;

import org.iprradar.common.model.Assessment;

/** What became of one input record: an assessment, or a dead letter with its reason. */
sealed interface Outcome {

  record Assessed(Assessment assessment) implements Outcome {}

  record Rejected(byte[] original, String reason) implements Outcome {}
}
