package org.iprradar.alerts.store;

import org.iprradar.common.model.Alert;

/**
 * What folding one event produced: the alert's new version, or the refused event's original bytes.
 * Exactly one is set.
 */
record Folded(Alert alert, byte[] refused) {

  boolean wasRefused() {
    return refused != null;
  }
}
