/**
 * What an operator runs the pipeline by, shared by every app: the pipeline's meters joined to the
 * app's Prometheus registry, the readiness checks (Kafka reachable, every Streams application
 * RUNNING with its state restored), and the figures of the operator page.
 */
package org.iprradar.web.ops;
