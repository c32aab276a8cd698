package org.iprradar.alerts.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.iprradar.common.model.AlertStatus;
import org.iprradar.common.model.TriageActionType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class TriageStateMachineTest {

  /** Every status against every action: the status it leads to, or "-" when it is refused. */
  @ParameterizedTest(name = "{0} + {1} -> {2}")
  @CsvSource({
    "OPEN,      ASSIGN,         ASSIGNED",
    "OPEN,      NOTE,           OPEN",
    "OPEN,      CONFIRM,        CONFIRMED",
    "OPEN,      DISMISS,        DISMISSED",
    "OPEN,      REFER,          REFERRED",
    "OPEN,      RECORD_PENALTY, -",
    "OPEN,      CLOSE,          -",
    "ASSIGNED,  ASSIGN,         ASSIGNED",
    "ASSIGNED,  NOTE,           ASSIGNED",
    "ASSIGNED,  CONFIRM,        CONFIRMED",
    "ASSIGNED,  DISMISS,        DISMISSED",
    "ASSIGNED,  REFER,          REFERRED",
    "ASSIGNED,  RECORD_PENALTY, -",
    "ASSIGNED,  CLOSE,          -",
    "CONFIRMED, ASSIGN,         -",
    "CONFIRMED, NOTE,           CONFIRMED",
    "CONFIRMED, CONFIRM,        -",
    "CONFIRMED, DISMISS,        -",
    "CONFIRMED, REFER,          REFERRED",
    "CONFIRMED, RECORD_PENALTY, CONFIRMED",
    "CONFIRMED, CLOSE,          CLOSED",
    "REFERRED,  ASSIGN,         -",
    "REFERRED,  NOTE,           REFERRED",
    "REFERRED,  CONFIRM,        -",
    "REFERRED,  DISMISS,        -",
    "REFERRED,  REFER,          -",
    "REFERRED,  RECORD_PENALTY, REFERRED",
    "REFERRED,  CLOSE,          CLOSED",
    "DISMISSED, ASSIGN,         -",
    "DISMISSED, NOTE,           DISMISSED",
    "DISMISSED, CONFIRM,        -",
    "DISMISSED, DISMISS,        -",
    "DISMISSED, REFER,          -",
    "DISMISSED, RECORD_PENALTY, -",
    "DISMISSED, CLOSE,          CLOSED",
    "CLOSED,    ASSIGN,         -",
    "CLOSED,    NOTE,           -",
    "CLOSED,    CONFIRM,        -",
    "CLOSED,    DISMISS,        -",
    "CLOSED,    REFER,          -",
    "CLOSED,    RECORD_PENALTY, -",
    "CLOSED,    CLOSE,          -",
  })
  void shouldFollowTheTable(AlertStatus from, TriageActionType action, String to) {
    Optional<AlertStatus> expected =
        to.equals("-") ? Optional.empty() : Optional.of(AlertStatus.valueOf(to));
    assertEquals(expected, TriageStateMachine.next(from, action));
    assertEquals(
        expected.isPresent(), TriageStateMachine.allowed(from).contains(action), "allowed()");
  }

  @ParameterizedTest
  @EnumSource(AlertStatus.class)
  void shouldListTheAllowedActionsInDeclarationOrder(AlertStatus status) {
    var allowed = List.copyOf(TriageStateMachine.allowed(status));
    assertEquals(allowed.stream().sorted().toList(), allowed);
  }

  @Test
  void shouldAllowNothingOnceClosed() {
    assertTrue(TriageStateMachine.allowed(AlertStatus.CLOSED).isEmpty());
  }
}
