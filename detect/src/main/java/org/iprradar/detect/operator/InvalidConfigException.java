package org.iprradar.detect.operator;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A submitted rule or brand that is refused, with every problem found in it, not just the first.
 */
public final class InvalidConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public InvalidConfigException(List<Problem> problems) {
    super(
        problems.stream()
            .map(p -> p.id() + "." + p.field() + ": " + p.message())
            .collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
