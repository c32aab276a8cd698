package org.iprradar.detect.match;

/**
 * A rule whose query cannot be compiled; the message names the rule and the parser's reason, and
 * {@link #column()} says where in the query the parser gave up, when it knows.
 */
public final class RuleSyntaxException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String ruleId;
  private final int column;

  public RuleSyntaxException(String ruleId, String message, Throwable cause) {
    this(ruleId, message, 0, cause);
  }

  /**
   * @param column the column of the query, counting from 1, where the parser gave up; 0 when it
   *     does not say
   */
  public RuleSyntaxException(String ruleId, String message, int column, Throwable cause) {
    super("rule " + ruleId + ": " + message, cause);
    this.ruleId = ruleId;
    this.column = Math.max(column, 0);
  }

  public String ruleId() {
    return ruleId;
  }

  /** Where in the query the parser gave up, counting from 1; 0 when it does not say. */
  public int column() {
    return column;
  }
}
