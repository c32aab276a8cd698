/**
 * The Kafka side of the domain: one {@link org.iprradar.common.kafka.Topic} constant per topic with
 * its serdes, the client settings every module shares, and topic provisioning at start-up.
 */
package org.iprradar.common.kafka;
