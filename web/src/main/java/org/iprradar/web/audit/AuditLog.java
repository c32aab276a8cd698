package org.iprradar.web.audit;

import java.util.concurrent.CompletableFuture;
import org.iprradar.common.model.AuditRecord;

/** Where audit records go: the {@code audit} topic in the apps, a list in tests. */
public interface AuditLog {

  /**
   * Writes one record.
   *
   * @return completes once the record is durably stored, or exceptionally with the reason it was
   *     not
   */
  CompletableFuture<Void> write(AuditRecord record);
}
