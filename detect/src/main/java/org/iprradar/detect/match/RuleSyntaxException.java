package org.iprradar.detect.match;

/** A rule whose query cannot be compiled; the message names the rule and the parser's reason. */
public final class RuleSyntaxException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String ruleId;

  public RuleSyntaxException(String ruleId, String message, Throwable cause) {
    super("rule " + ruleId + ": " + message, cause);
    this.ruleId = ruleId;
  }

  public String ruleId() {
    return ruleId;
  }
}
