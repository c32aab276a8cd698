package org.iprradar.detect.operator;

/**
 * One thing wrong with a rule or brand an operator submitted.
 *
 * @param id the rule or brand the problem is in (an import names many)
 * @param field the field at fault, such as {@code query} or {@code weight}
 * @param message why, in a sentence an operator can act on
 * @param column for a query that does not parse, where the parser gave up, counting from 1; null
 *     otherwise
 */
public record Problem(String id, String field, String message, Integer column) {

  static Problem of(String id, String field, String message) {
    return new Problem(id, field, message, null);
  }
}
