package org.iprradar.web.ops;

import org.iprradar.common.kafka.StreamsApp;

/**
 * A bean that runs a Streams application: the readiness check and the operator page find every one
 * in the context (two in standalone).
 */
public interface StreamsComponent {

  StreamsApp streamsApp();
}
