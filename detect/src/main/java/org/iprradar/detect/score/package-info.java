/**
 * Scoring: the matcher's hits, the brand registry, the listing's price and what is known about its
 * seller (history, network, complaints) become signals whose contributions add up to a 0-100 score.
 */
package org.iprradar.detect.score;
