package org.iprradar.ingest.load;

import org.iprradar.ingest.validate.RawRecord;

/**
 * One record of a file with what the side file of rejected lines needs.
 *
 * @param raw the record; its index is its position in the file from 0, its line where it starts
 * @param original the line as it was in the file (NDJSON), or the mapped record (CSV)
 * @param position bytes of the file read so far, for the time-left estimate
 */
record SourceRecord(RawRecord raw, String original, long position) {}
