/**
 * Scoring: the matcher's hits, the brand registry and the listing's price become signals whose
 * contributions add up to a 0-100 score.
 */
package org.iprradar.detect.score;
