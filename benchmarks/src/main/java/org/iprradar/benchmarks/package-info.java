/**
 * JMH benchmarks of the rule matcher: real Taobao titles against operator-sized rule sets, with and
 * without the presearcher, and the cost of analysis alone as the floor. See docs/BENCHMARKS.md.
 */
package org.iprradar.benchmarks;
