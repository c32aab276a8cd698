package org.iprradar.common.model;

/** What an analyst does to an alert; which of these an alert accepts depends on its status. */
public enum TriageActionType {
  /** Gives the alert to an analyst (again, to reassign). Needs an assignee. */
  ASSIGN,
  /** Adds a remark without changing the status. Needs the note in {@code reason}. */
  NOTE,
  /** The analyst confirms the infringement. */
  CONFIRM,
  /** The lead is not an infringement. Needs a reason, which is kept for audits. */
  DISMISS,
  /** Hands the case to another bureau or region. */
  REFER,
  /** Records an administrative penalty decision. Needs a decision number and an amount. */
  RECORD_PENALTY,
  /** Ends the case; nothing is accepted after it. */
  CLOSE
}
