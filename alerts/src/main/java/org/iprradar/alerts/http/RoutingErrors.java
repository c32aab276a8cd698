package org.iprradar.alerts.http;

import java.util.List;
import org.iprradar.alerts.route.RoutingProblem;

/** A 400 answer to a routing change or draft: every problem, each with its path and reason. */
public record RoutingErrors(String error, String message, List<RoutingProblem> problems) {}
