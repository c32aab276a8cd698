package org.iprradar.web.ops;

import java.util.List;
import org.iprradar.common.kafka.StreamsApp;

/**
 * A bean that runs a Streams application: the readiness check and the operator page find every one
 * in the context (two in standalone).
 */
public interface StreamsComponent {

  StreamsApp streamsApp();

  /** The consumer groups whose lag this component answers for: its Streams application's. */
  default List<String> consumerGroups() {
    return List.of(streamsApp().applicationId());
  }
}
