package org.iprradar.alerts.http;

import org.iprradar.common.model.TriageAction;

/** A 202 answer: the action as Kafka holds it; the alert shows it shortly after. */
public record ActionAccepted(TriageAction action) {}
