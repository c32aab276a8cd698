package org.iprradar.common.model;

/** Where an alert stands in the analysts' workflow. */
public enum AlertStatus {
  OPEN,
  ASSIGNED,
  CONFIRMED,
  DISMISSED,
  REFERRED,
  CLOSED
}
