package org.iprradar.alerts.route;

import java.util.Comparator;
import java.util.Optional;
import org.iprradar.common.model.InfringementType;
import org.iprradar.common.model.Lead;

/**
 * Decides the bureau and jurisdiction of a lead from the routing table: the most specific route
 * wins (type and category before type alone), then the default bureau.
 */
public final class Router {

  private final RoutingTable table;

  public Router(RoutingTable table) {
    this.table = table;
  }

  public RoutingTable table() {
    return table;
  }

  public Routing route(Lead lead) {
    return route(lead.infringementType(), lead.category(), lead.sellerRegion());
  }

  /**
   * Where a lead of this type and category, of a seller in this GB/T 2260 region (null when
   * unknown), goes.
   */
  public Routing route(InfringementType type, String category, String region) {
    Optional<Route> route =
        table.routes().stream()
            .filter(r -> r.type() == type)
            .filter(r -> r.category() == null || r.category().equals(category))
            .max(Comparator.comparingInt(r -> r.category() == null ? 0 : 1));
    String bureauId = route.map(Route::bureau).orElse(table.defaultBureau());
    var coRecipients = route.map(Route::coRecipients).orElse(java.util.List.of());

    String cityPrefix = table.cityCode().substring(0, 4);
    boolean known = region != null && region.matches("\\d{6}");
    boolean local = !known || region.startsWith(cityPrefix);
    String jurisdiction = known ? region : table.cityCode();
    String name =
        table.regions().stream()
            .filter(r -> r.code().equals(jurisdiction))
            .map(Region::name)
            .findFirst()
            .orElse(jurisdiction.equals(table.cityCode()) ? table.cityName() : jurisdiction);
    return new Routing(table.bureau(bureauId), coRecipients, jurisdiction, name, !local);
  }
}
