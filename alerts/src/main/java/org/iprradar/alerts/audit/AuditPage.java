package org.iprradar.alerts.audit;

import java.util.List;
import org.iprradar.common.model.AuditRecord;

/**
 * One page of audit records, newest first.
 *
 * @param more whether records after this page match too
 * @param truncated whether the reading stopped at its bound before the oldest matching record:
 *     narrow the time range to see further
 */
public record AuditPage(
    int offset, int limit, boolean more, boolean truncated, List<AuditRecord> entries) {

  public AuditPage {
    entries = List.copyOf(entries);
  }
}
