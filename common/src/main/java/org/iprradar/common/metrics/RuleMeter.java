package org.iprradar.common.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * One rule's evaluation timer and hit counter, held by the matcher for each of its rules so that a
 * verification records without looking the rule's meters up by id (with 10,000 rules that lookup
 * was a fortieth of detect's time). The meters are those {@link PipelineMetrics#ruleEvaluated}
 * records to: registered on the rule's first hit, the same for every rule set holding the rule.
 */
public final class RuleMeter {

  private final String ruleId;
  private volatile Timer timer;
  private volatile Counter hits;

  RuleMeter(String ruleId) {
    this.ruleId = ruleId;
  }

  /** Records one verification of the rule against one listing. */
  public void evaluated(long nanos, boolean hit) {
    Timer t = timer;
    if (t == null && hit) {
      t = PipelineMetrics.ruleTimer(ruleId);
      timer = t;
    }
    if (t != null) {
      t.record(nanos, TimeUnit.NANOSECONDS);
    }
    if (hit) {
      Counter c = hits;
      if (c == null) {
        c = PipelineMetrics.ruleHits(ruleId);
        hits = c;
      }
      c.increment();
    }
  }
}
