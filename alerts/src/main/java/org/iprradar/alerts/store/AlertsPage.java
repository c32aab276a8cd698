package org.iprradar.alerts.store;

import java.util.List;
import org.iprradar.common.model.Alert;

/** The alerts of one page and how many alerts matched in all. */
public record AlertsPage(int total, List<Alert> alerts) {}
