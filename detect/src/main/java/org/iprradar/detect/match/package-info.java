/**
 * The Lucene matching engine: listing text is normalised and indexed into a one-document memory
 * index, each compiled rule is run against it, and every hit carries the original text and offsets
 * that fired.
 */
package org.iprradar.detect.match;
