package org.iprradar.alerts.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.iprradar.common.model.Alert;

/**
 * A page of alerts.
 *
 * @param count how many alerts match the filters in all, across every page
 * @param offset how many matching alerts come before this page
 * @param limit the most alerts a page holds, as asked
 */
// Micronaut leaves empty values out by default; a page past the end still says "alerts": [].
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AlertPage(int count, int offset, int limit, List<Alert> alerts) {}
