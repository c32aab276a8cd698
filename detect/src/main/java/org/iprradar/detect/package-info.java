/**
 * Detection: listings in, one explained assessment out per listing version, and leads for those
 * above the threshold. The topology, matcher and scorer are plain Java; Micronaut only wires them.
 */
package org.iprradar.detect;
