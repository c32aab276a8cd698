package org.iprradar.ingest.validate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One record of a request body before validation.
 *
 * @param index position of the record in the request, from 0
 * @param line line number in an NDJSON body, from 1; 0 for a JSON body
 * @param json the parsed record, or null when it was not valid JSON
 * @param parseError why the record is not valid JSON, or null
 */
public record RawRecord(int index, int line, JsonNode json, String parseError) {}
