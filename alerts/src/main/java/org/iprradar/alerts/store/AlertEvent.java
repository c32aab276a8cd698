package org.iprradar.alerts.store;

import org.iprradar.common.model.Lead;
import org.iprradar.common.model.TriageAction;

/**
 * One event that changes an alert, read from either of its topics: a lead (new evidence) or an
 * analyst's action. Both are null when the record could not be read. The original bytes go along so
 * that an event refused later can be dead-lettered as it arrived.
 */
record AlertEvent(Lead lead, TriageAction action, byte[] original) {

  boolean readable() {
    return lead != null || action != null;
  }
}
