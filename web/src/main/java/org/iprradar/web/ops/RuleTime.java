package org.iprradar.web.ops;

/**
 * A rule's evaluation time since it first fired in this process.
 *
 * @param evaluations listings it was verified against
 * @param hits listings it matched
 */
public record RuleTime(
    String rule, long evaluations, double hits, double meanMicros, double maxMicros) {}
