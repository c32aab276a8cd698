/**
 * The embedded default: an in-process single-node KRaft broker with ingest, detect and alerts in
 * one JVM on one HTTP port, and the demo data set.
 */
package org.iprradar.standalone;
