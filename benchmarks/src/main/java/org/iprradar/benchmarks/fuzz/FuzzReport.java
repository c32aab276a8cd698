package org.iprradar.benchmarks.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a fuzz run saw: answers by status, and every failure with the case that caused it. A run
 * passes when there are no failures.
 */
final class FuzzReport {

  private final Map<Integer, Integer> statuses = new TreeMap<>();
  private final List<String> failures = new ArrayList<>();
  private int requests;
  private int badRecords;
  private int deadLettered;
  private final Map<Integer, Integer> reconnects = new TreeMap<>();

  synchronized void answered(int status) {
    requests++;
    statuses.merge(status, 1, Integer::sum);
  }

  /** A request that found its kept-alive connection closed, after an answer with this status. */
  synchronized void reconnected(int previousStatus) {
    reconnects.merge(previousStatus, 1, Integer::sum);
  }

  synchronized void fail(String failure) {
    failures.add(failure);
  }

  synchronized void topicRecords(int sent, int found) {
    badRecords += sent;
    deadLettered += found;
  }

  synchronized List<String> failures() {
    return List.copyOf(failures);
  }

  @Override
  public synchronized String toString() {
    return requests
        + " requests, answers by status "
        + statuses
        + "; "
        + badRecords
        + " bad topic records, "
        + deadLettered
        + " found dead-lettered; connections found closed, by the status answered before: "
        + reconnects
        + "; "
        + failures.size()
        + " failures";
  }
}
