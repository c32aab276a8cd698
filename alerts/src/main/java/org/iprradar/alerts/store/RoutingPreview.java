package org.iprradar.alerts.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.iprradar.alerts.route.RoutingInForce;
import org.iprradar.common.model.Alert;

/**
 * Where the open alerts would go under a draft routing, against where they are now, listing only
 * those it would change. Open means not yet decided by an analyst ({@link AlertFolder#REROUTABLE}):
 * the alerts that the fold routes again with new evidence. Decided cases stay with their bureau and
 * are not counted.
 *
 * @param inForceVersion the version of the routing in force when the preview was made
 * @param openAlerts how many open alerts were compared
 * @param changed how many of them the draft would change
 * @param counts per aspect ({@code bureau}, {@code coRecipients}, ...), how many alerts it changes
 * @param moves per bureau change ({@code MARKET_SUPERVISION -> HEALTH}), how many alerts move
 * @param alerts the alerts it would change, highest score first
 */
public record RoutingPreview(
    int inForceVersion,
    int openAlerts,
    int changed,
    Map<String, Integer> counts,
    Map<String, Integer> moves,
    List<PreviewedAlert> alerts) {

  /** Compares every open alert of {@code alerts} as it is with what {@code draft} makes of it. */
  public static RoutingPreview of(int inForceVersion, List<Alert> alerts, RoutingInForce draft) {
    var open =
        alerts.stream()
            .filter(a -> AlertFolder.REROUTABLE.contains(a.status()))
            .sorted(Comparator.comparingDouble(Alert::score).reversed().thenComparing(Alert::id))
            .toList();
    var counts = new LinkedHashMap<String, Integer>();
    var moves = new TreeMap<String, Integer>();
    var changed = new ArrayList<PreviewedAlert>();
    for (Alert alert : open) {
      Placement now = Placement.of(alert);
      Placement then = Placement.of(AlertFolder.reroute(alert, draft));
      List<String> differences = now.differences(then);
      if (differences.isEmpty()) {
        continue;
      }
      differences.forEach(d -> counts.merge(d, 1, Integer::sum));
      if (!now.bureau().equals(then.bureau())) {
        moves.merge(now.bureau() + " -> " + then.bureau(), 1, Integer::sum);
      }
      changed.add(
          new PreviewedAlert(
              alert.id(), alert.status(), alert.routingVersion(), now, then, differences));
    }
    return new RoutingPreview(
        inForceVersion, open.size(), changed.size(), counts, moves, List.copyOf(changed));
  }
}
