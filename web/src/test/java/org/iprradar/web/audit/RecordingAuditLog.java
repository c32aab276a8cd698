package org.iprradar.web.audit;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.iprradar.common.model.AuditRecord;

/** Keeps the audit in a list, or refuses it like a broker that is away. */
@Singleton
@Requires(property = "audit-test.enabled", value = "true")
final class RecordingAuditLog implements AuditLog {

  final List<AuditRecord> records = new CopyOnWriteArrayList<>();
  volatile boolean failing;

  /** When set, records wait here until the test completes them. */
  volatile List<CompletableFuture<Void>> held;

  @Override
  public CompletableFuture<Void> write(AuditRecord record) {
    if (failing) {
      return CompletableFuture.failedFuture(new IllegalStateException("broker away"));
    }
    records.add(record);
    var pending = held;
    if (pending != null) {
      var done = new CompletableFuture<Void>();
      pending.add(done);
      return done;
    }
    return CompletableFuture.completedFuture(null);
  }
}
