/**
 * The live rule book: rules and brands change at run time, and matching always reads one complete,
 * immutable {@link org.iprradar.detect.rules.RuleSet}, never half an update. The {@link
 * org.iprradar.detect.rules.RuleFeed} brings the changes in from the compacted {@code rules} and
 * {@code brands} topics, one publication per poll batch, and the weights of the {@code
 * scoring-settings} topic into a {@link org.iprradar.detect.score.ScoringBook}; records it cannot
 * apply become dead letters.
 */
package org.iprradar.detect.rules;
