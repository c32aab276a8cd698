package org.iprradar.alerts.route;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.iprradar.common.model.RoutingChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routing in force, shared by the stream threads that route leads, the webhook worker that
 * looks up bureaus' endpoints and the HTTP API. A change replaces the whole table at once, so no
 * lead is routed with half of one table and half of another.
 */
public final class RoutingBook {

  private static final Logger LOG = LoggerFactory.getLogger(RoutingBook.class);

  private final RoutingInForce initial;
  private final AtomicReference<RoutingInForce> current;

  public RoutingBook(RoutingInForce initial) {
    this.initial = initial;
    this.current = new AtomicReference<>(initial);
  }

  /** The routing the book started with: the start-up file. */
  public RoutingInForce initial() {
    return initial;
  }

  public RoutingInForce current() {
    return current.get();
  }

  /**
   * The routing this change would put in force, checked but not applied.
   *
   * @throws InvalidRoutingException with every problem of the table, and of its version when it is
   *     not above {@code inForceVersion}
   */
  public static RoutingInForce check(RoutingChange change, int inForceVersion) {
    var problems = new ArrayList<RoutingProblem>();
    if (change.version() <= inForceVersion) {
      problems.add(
          new RoutingProblem(
              "version",
              "version "
                  + change.version()
                  + " is not above version "
                  + inForceVersion
                  + " in force; a replayed or concurrent older change must not undo a newer one"));
    }
    RoutingTable table = null;
    try {
      table = RoutingTableLoader.read(change.table());
    } catch (InvalidRoutingException e) {
      problems.addAll(e.problems());
    }
    if (!problems.isEmpty()) {
      throw new InvalidRoutingException(problems);
    }
    return RoutingInForce.of(
        change.version(), change.changedBy(), change.changedAt(), change.comment(), table);
  }

  /**
   * Puts the change in force when it is valid and newer than the routing in force; the routing in
   * force stays otherwise.
   *
   * @return the problems that refused it; empty when it is in force now
   */
  public List<RoutingProblem> apply(RoutingChange change) {
    RoutingInForce before = current.get();
    RoutingInForce next;
    try {
      next = check(change, before.version());
    } catch (InvalidRoutingException e) {
      return e.problems();
    }
    // Only the global stream thread applies changes; the compare-and-set keeps it honest anyway.
    if (!current.compareAndSet(before, next)) {
      return List.of(new RoutingProblem("version", "another change was applied at the same time"));
    }
    LOG.info(
        "Routing version {} in force (was {}), by {}: {}",
        next.version(),
        before.version(),
        next.changedBy(),
        next.comment());
    return List.of();
  }
}
