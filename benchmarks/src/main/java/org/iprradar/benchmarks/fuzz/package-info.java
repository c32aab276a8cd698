/**
 * The bad-input fuzz harness: mutated and random bodies over the HTTP API and garbage records on
 * the input topics, against the embedded system, checking that nothing answers 5xx, no stream
 * thread dies, and every bad record is answered with an error or dead-lettered.
 */
package org.iprradar.benchmarks.fuzz;
