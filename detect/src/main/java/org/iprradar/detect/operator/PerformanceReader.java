package org.iprradar.detect.operator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.Lead;
import org.iprradar.common.model.Rule;
import org.iprradar.common.model.TriageAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the leads and triage-actions topics whole for {@link PerformanceCalculator}. Both are read
 * at every request: the figures are exact and need no state of their own, at the cost of a read of
 * two topics that grow with the number of leads.
 */
public final class PerformanceReader {

  private static final Logger LOG = LoggerFactory.getLogger(PerformanceReader.class);

  private final TopicReader reader;
  private final Supplier<List<Rule>> rules;

  private final RecentListings recent;

  public PerformanceReader(TopicReader reader, Supplier<List<Rule>> rules, RecentListings recent) {
    this.reader = reader;
    this.rules = rules;
    this.recent = recent;
  }

  public List<RulePerformance> read() {
    var leads = new ArrayList<Lead>();
    var leadSerde = Topics.LEADS.valueSerde().deserializer();
    for (var record : reader.read(Topics.LEADS.name(), r -> r.value() != null)) {
      try {
        leads.add(leadSerde.deserialize(record.topic(), record.value()));
      } catch (RuntimeException e) {
        LOG.warn("Skipping unreadable lead at offset {}: {}", record.offset(), e.getMessage());
      }
    }
    var actions = new ArrayList<TriageAction>();
    var actionSerde = Topics.TRIAGE_ACTIONS.valueSerde().deserializer();
    for (var record : reader.read(Topics.TRIAGE_ACTIONS.name(), r -> r.value() != null)) {
      try {
        actions.add(actionSerde.deserialize(record.topic(), record.value()));
      } catch (RuntimeException e) {
        LOG.warn("Skipping unreadable action at offset {}: {}", record.offset(), e.getMessage());
      }
    }
    return PerformanceCalculator.compute(rules.get(), leads, actions, recent.hitsByRule());
  }
}
