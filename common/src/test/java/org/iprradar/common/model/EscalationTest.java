package org.iprradar.common.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class EscalationTest {

  private static final Escalation REFERRED = new Escalation(true, false, List.of("sales ¥60,000"));

  @Test
  void shouldNeverWithdrawAnEscalationOrTheReasonsThatSetIt() {
    Escalation later = REFERRED.and(Escalation.NONE);

    assertEquals(REFERRED, later);
  }

  @Test
  void shouldTakeNewerReasonsWhenTheyExplainEverything() {
    var newer = new Escalation(true, true, List.of("sales ¥1,200,000"));

    assertEquals(newer, REFERRED.and(newer));
  }

  @Test
  void shouldKeepOldReasonsBesideNewerOnesThatExplainLess() {
    var supervised = new Escalation(false, true, List.of("25 listings"));

    assertEquals(
        new Escalation(true, true, List.of("sales ¥60,000", "25 listings")),
        REFERRED.and(supervised));
  }
}
