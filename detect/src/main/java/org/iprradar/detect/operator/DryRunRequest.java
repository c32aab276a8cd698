package org.iprradar.detect.operator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A change to try before it goes live.
 *
 * @param rule a draft rule, new or changing the rule of its id (a changed weight is a draft with
 *     another weight; {@code "enabled": false} shows what switching the rule off would do); null to
 *     try only a threshold
 * @param leadThreshold a lead threshold to try instead of the one in force; null keeps it
 * @param limit how many of the most recent listings to try it on; null for all kept
 * @param examples how many example listings to return, at most 50; null for 10
 * @param sample listings as NDJSON (one listing JSON per line) to try it on instead of the recent
 *     ones; null for the recent ones
 */
public record DryRunRequest(
    JsonNode rule, Double leadThreshold, Integer limit, Integer examples, String sample) {}
