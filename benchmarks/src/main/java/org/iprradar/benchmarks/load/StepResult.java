package org.iprradar.benchmarks.load;

import java.util.Locale;

/**
 * One step of a run: the target rate, what was achieved, and the latencies from the 202 to the
 * listing's first output (assessment or pass-through record) and, for the pipeline, to the first
 * alert version that holds it.
 *
 * @param missing accepted listings with no output after the drain wait
 * @param leadsWithoutAlert lead listings no alert version held after the drain wait
 */
record StepResult(
    String phase,
    int target,
    double achieved,
    long accepted,
    long rejected,
    long missing,
    long leads,
    long leadsWithoutAlert,
    Percentiles toOutput,
    Percentiles toAlert,
    String load) {

  static final double MAX_P99_MILLIS = 500;

  /**
   * Sustained: at least 95 % of the target rate taken, every listing processed, and p99 below 500
   * ms to the output and (for the pipeline) to the alert.
   */
  boolean sustained() {
    return achieved >= 0.95 * target
        && rejected == 0
        && missing == 0
        && leadsWithoutAlert == 0
        && toOutput.millis(0.99) < MAX_P99_MILLIS
        && (toAlert.count() == 0 || toAlert.millis(0.99) < MAX_P99_MILLIS);
  }

  static String header() {
    return "| phase | target/s | achieved/s | listings | to output p50 / p95 / p99 / max ms"
        + " | leads | to alert p50 / p95 / p99 / max ms | sustained | load avg |\n"
        + "|---|---:|---:|---:|---|---:|---|---|---|";
  }

  String row() {
    return String.format(
        Locale.ROOT,
        "| %s | %,d | %,.0f | %,d | %s | %,d | %s | %s | %s |",
        phase,
        target,
        achieved,
        accepted,
        latencies(toOutput),
        leads,
        toAlert.count() == 0 ? "–" : latencies(toAlert),
        sustained() ? "yes" : "no" + reasons(),
        load);
  }

  private String reasons() {
    var why = new StringBuilder();
    if (rejected > 0) {
      why.append(", ").append(rejected).append(" rejected");
    }
    if (missing > 0) {
      why.append(", ").append(missing).append(" not processed");
    }
    if (leadsWithoutAlert > 0) {
      why.append(", ").append(leadsWithoutAlert).append(" leads without alert");
    }
    return why.toString();
  }

  private static String latencies(Percentiles p) {
    return String.format(
        Locale.ROOT,
        "%.0f / %.0f / %.0f / %.0f",
        p.millis(0.50),
        p.millis(0.95),
        p.millis(0.99),
        p.millis(1.0));
  }
}
