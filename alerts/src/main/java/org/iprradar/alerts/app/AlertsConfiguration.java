package org.iprradar.alerts.app;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Settings of alerts under {@code ipr.alerts}.
 *
 * @param routing the bureau directory and routing table: {@code classpath:...} or a file path
 */
@ConfigurationProperties("ipr.alerts")
public record AlertsConfiguration(
    @Bindable(defaultValue = "classpath:config/routing.yaml") String routing) {}
