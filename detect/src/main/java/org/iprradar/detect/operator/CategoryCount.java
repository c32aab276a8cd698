package org.iprradar.detect.operator;

/**
 * What a scoring change does within one listing category.
 *
 * @param category the listings' category, {@code (none)} for listings without one
 * @param changedScores listings whose score the change moves
 */
public record CategoryCount(
    String category, int listings, int leadsBefore, int leadsAfter, int changedScores) {}
