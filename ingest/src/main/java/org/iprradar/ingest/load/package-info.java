/**
 * Loading NDJSON and CSV files into the feeds from the command line: progress, a side file of
 * rejected lines, and a checkpoint to resume after an interruption without sending a record twice.
 */
package org.iprradar.ingest.load;
