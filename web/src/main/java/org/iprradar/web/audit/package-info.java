/**
 * The audit trail every app keeps: a filter records each write attempted through its HTTP API (who,
 * when, what, outcome, from where) in the append-only {@code audit} topic before the answer leaves.
 */
package org.iprradar.web.audit;
