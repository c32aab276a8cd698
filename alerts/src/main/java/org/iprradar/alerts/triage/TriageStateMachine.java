package org.iprradar.alerts.triage;

import static org.iprradar.common.model.AlertStatus.ASSIGNED;
import static org.iprradar.common.model.AlertStatus.CLOSED;
import static org.iprradar.common.model.AlertStatus.CONFIRMED;
import static org.iprradar.common.model.AlertStatus.DISMISSED;
import static org.iprradar.common.model.AlertStatus.OPEN;
import static org.iprradar.common.model.AlertStatus.REFERRED;
import static org.iprradar.common.model.TriageActionType.ASSIGN;
import static org.iprradar.common.model.TriageActionType.CLOSE;
import static org.iprradar.common.model.TriageActionType.CONFIRM;
import static org.iprradar.common.model.TriageActionType.DISMISS;
import static org.iprradar.common.model.TriageActionType.NOTE;
import static org.iprradar.common.model.TriageActionType.RECORD_PENALTY;
import static org.iprradar.common.model.TriageActionType.REFER;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.iprradar.common.model.AlertStatus;
import org.iprradar.common.model.TriageActionType;

/**
 * The triage workflow as a table of the status each action leads to from each status:
 *
 * <pre>
 * OPEN      ─ ASSIGN ▶ ASSIGNED, CONFIRM ▶ CONFIRMED, DISMISS ▶ DISMISSED, REFER ▶ REFERRED
 * ASSIGNED  ─ the same, and ASSIGN again to reassign
 * CONFIRMED ─ REFER ▶ REFERRED, CLOSE ▶ CLOSED, RECORD_PENALTY stays CONFIRMED
 * REFERRED  ─ CLOSE ▶ CLOSED, RECORD_PENALTY stays REFERRED
 * DISMISSED ─ CLOSE ▶ CLOSED
 * NOTE      ─ in every status but CLOSED, keeping it
 * CLOSED    ─ nothing: a closed case is a final record for the bureau, and a note added later
 *             would read as part of the decision. New evidence still folds into it (see
 *             AlertFolder); reopening would be a new workflow step, not a note.
 * </pre>
 *
 * Pure and stateless: the HTTP service asks it before writing an action, and the topology asks it
 * again when folding the action, since another action may have been accepted in between.
 */
public final class TriageStateMachine {

  private static final Map<AlertStatus, Map<TriageActionType, AlertStatus>> NEXT =
      new EnumMap<>(AlertStatus.class);

  static {
    for (AlertStatus from : AlertStatus.values()) {
      NEXT.put(from, new EnumMap<>(TriageActionType.class));
    }
    for (AlertStatus from : new AlertStatus[] {OPEN, ASSIGNED}) {
      allow(from, ASSIGN, ASSIGNED);
      allow(from, CONFIRM, CONFIRMED);
      allow(from, DISMISS, DISMISSED);
      allow(from, REFER, REFERRED);
    }
    allow(CONFIRMED, REFER, REFERRED);
    allow(CONFIRMED, CLOSE, CLOSED);
    allow(CONFIRMED, RECORD_PENALTY, CONFIRMED);
    allow(REFERRED, CLOSE, CLOSED);
    allow(REFERRED, RECORD_PENALTY, REFERRED);
    allow(DISMISSED, CLOSE, CLOSED);
    for (AlertStatus from : AlertStatus.values()) {
      if (from != CLOSED) {
        allow(from, NOTE, from);
      }
    }
  }

  private TriageStateMachine() {}

  private static void allow(AlertStatus from, TriageActionType action, AlertStatus to) {
    NEXT.get(from).put(action, to);
  }

  /** The status {@code action} leads to from {@code from}, or empty when it is not allowed. */
  public static Optional<AlertStatus> next(AlertStatus from, TriageActionType action) {
    return Optional.ofNullable(NEXT.get(from).get(action));
  }

  /** The actions allowed in {@code status}, in declaration order. */
  public static Set<TriageActionType> allowed(AlertStatus status) {
    return Collections.unmodifiableSet(NEXT.get(status).keySet());
  }
}
