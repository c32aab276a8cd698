/**
 * The pipeline's own meters, on Micrometer's global registry so that the pure topologies and
 * clients record without dependency injection; each application adds its Prometheus registry to the
 * global one (see the web module). Without a registry added (unit tests) recording costs little and
 * keeps nothing.
 */
package org.iprradar.common.metrics;
