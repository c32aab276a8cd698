package org.iprradar.web.audit;

/**
 * An answer that tells how many records its request carried (a feed's), so that the audit records
 * the count without reading the body.
 */
public interface RecordCount {

  /** The records the request carried, accepted or not. */
  int recordCount();
}
