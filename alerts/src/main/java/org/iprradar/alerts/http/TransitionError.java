package org.iprradar.alerts.http;

import java.util.List;
import org.iprradar.common.model.AlertStatus;
import org.iprradar.common.model.TriageActionType;

/** A 409 answer: the alert's status and the actions it does allow. */
public record TransitionError(
    String error, String message, AlertStatus status, List<TriageActionType> allowed) {}
