package org.iprradar.alerts.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.iprradar.alerts.RoutingTables;
import org.junit.jupiter.api.Test;

class RoutingBookTest {

  private final RoutingBook book;

  RoutingBookTest() throws IOException {
    book =
        new RoutingBook(
            RoutingInForce.startUp(
                RoutingTableLoader.load("classpath:config/routing.yaml"), "shipped"));
  }

  @Test
  void shouldPutAValidNewerChangeInForce() {
    var problems =
        book.apply(
            RoutingTables.change(
                1, RoutingTables.routingTypeTo("PIRACY_COPYRIGHT", "MARKET_SUPERVISION")));

    assertTrue(problems.isEmpty(), problems.toString());
    assertEquals(1, book.current().version());
    assertEquals("ops-1", book.current().changedBy());
    var routes = book.current().table().routes();
    assertTrue(
        routes.stream()
            .filter(r -> r.type().name().equals("PIRACY_COPYRIGHT"))
            .allMatch(r -> r.bureau().equals("MARKET_SUPERVISION")));
  }

  @Test
  void shouldKeepTheRoutingInForceWhenAChangeIsInvalidOrNotNewer() {
    book.apply(RoutingTables.change(2, RoutingTables.nantong()));
    RoutingInForce before = book.current();

    var invalid =
        book.apply(RoutingTables.change(3, RoutingTables.routingTypeTo("PATENT", "NOBODY")));
    var stale =
        book.apply(RoutingTables.change(2, RoutingTables.routingTypeTo("PATENT", "AGRICULTURE")));

    assertSame(before, book.current());
    assertTrue(
        invalid.stream()
            .anyMatch(
                p ->
                    p.path().endsWith(".bureau")
                        && p.reason().equals("'NOBODY' is not in the bureau directory")),
        invalid.toString());
    assertEquals(1, stale.size(), stale.toString());
    assertEquals("version", stale.get(0).path());
    assertTrue(stale.get(0).reason().startsWith("version 2 is not above version 2"));
  }
}
