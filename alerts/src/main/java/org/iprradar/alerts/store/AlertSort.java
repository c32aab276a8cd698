package org.iprradar.alerts.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import org.iprradar.common.model.Alert;

/** The orders a list of alerts can come in. Ties break on the id, so that pages never overlap. */
public enum AlertSort {
  /** Highest score first, then the most recently updated. */
  SCORE(
      Comparator.comparingDouble(Alert::score)
          .reversed()
          .thenComparing(Alert::updatedAt, newestFirst())),
  /** The most recently updated first (new evidence or an analyst's action). */
  UPDATED(Comparator.comparing(Alert::updatedAt, newestFirst())),
  /** The most recently created first. */
  CREATED(Comparator.comparing(Alert::createdAt, newestFirst()));

  private final Comparator<Alert> order;

  AlertSort(Comparator<Alert> order) {
    this.order = order.thenComparing(Alert::id);
  }

  public Comparator<Alert> order() {
    return order;
  }

  /**
   * The sort a query parameter names, case-insensitive.
   *
   * @throws IllegalArgumentException naming the values allowed
   */
  public static AlertSort parse(String value) {
    for (AlertSort sort : values()) {
      if (sort.name().equalsIgnoreCase(value.strip())) {
        return sort;
      }
    }
    throw new IllegalArgumentException(
        "sort must be one of "
            + Arrays.toString(values()).toLowerCase(Locale.ROOT)
            + ", was '"
            + value
            + "'");
  }

  private static Comparator<Instant> newestFirst() {
    return Comparator.nullsLast(Comparator.<Instant>reverseOrder());
  }
}
