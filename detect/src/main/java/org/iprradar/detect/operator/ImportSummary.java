package org.iprradar.detect.operator;

import java.util.List;

/**
 * What an import did, by {@code rule:<id>} and {@code brand:<id>}.
 *
 * @param unchanged entries equal to what was in force, which were not written again
 */
public record ImportSummary(List<String> created, List<String> updated, List<String> unchanged) {}
