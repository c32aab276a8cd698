package org.iprradar.detect.operator;

import java.util.List;

/**
 * The body of a refused operator change: the usual error code and sentence, and every problem.
 *
 * @param error {@code invalid_config}
 */
public record OperatorErrorBody(String error, String message, List<Problem> problems) {}
