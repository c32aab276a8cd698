/**
 * Scoring: the matcher's hits, the brand registry, the listing's price and what is known about its
 * seller (history, network, complaints) become signals whose contributions add up to a 0-100 score.
 * The weights and thresholds in force per category live in the {@link
 * org.iprradar.detect.score.ScoringBook}, changed at run time; {@link
 * org.iprradar.detect.score.ContentDigest} gives configuration the versions assessments record.
 */
package org.iprradar.detect.score;
