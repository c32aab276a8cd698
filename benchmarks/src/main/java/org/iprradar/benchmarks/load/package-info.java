/**
 * The end-to-end load generator: realistic listings posted over HTTP at stepped target rates to the
 * embedded system (broker, ingest, detect, alerts), with the latency from each 202 to the listing's
 * assessment and alert, compared in the same run with a pass-through topology over the same
 * records.
 */
package org.iprradar.benchmarks.load;
