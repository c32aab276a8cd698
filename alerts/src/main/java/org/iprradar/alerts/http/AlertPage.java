package org.iprradar.alerts.http;

import java.util.List;
import org.iprradar.common.model.Alert;

/** A page of alerts: how many matched and the first {@code limit} of them. */
public record AlertPage(int count, List<Alert> alerts) {}
