package org.iprradar.alerts.store;

import org.iprradar.common.model.DeliveryOutcome;
import org.iprradar.common.model.Lead;
import org.iprradar.common.model.TriageAction;

/**
 * One event that changes an alert, read from one of its topics: a lead (new evidence), an analyst's
 * action, or a webhook outcome. All are null when the record could not be read. The original bytes
 * go along so that an event refused later can be dead-lettered as it arrived.
 */
record AlertEvent(Lead lead, TriageAction action, DeliveryOutcome delivery, byte[] original) {

  static AlertEvent unreadable(byte[] original) {
    return new AlertEvent(null, null, null, original);
  }

  boolean readable() {
    return lead != null || action != null || delivery != null;
  }
}
