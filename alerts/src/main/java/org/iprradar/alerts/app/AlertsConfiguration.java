package org.iprradar.alerts.app;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Settings of alerts under {@code ipr.alerts}.
 *
 * @param routing the bureau directory and routing table: {@code classpath:...} or a file path
 * @param advertisedUrl {@code http://host:port} at which the other alerts instances reach this one
 *     (its {@code application.server}); unset for a single instance, which answers from its own
 *     store alone
 * @param peerTimeout how long a query waits for another alerts instance before answering 503
 */
@ConfigurationProperties("ipr.alerts")
public record AlertsConfiguration(
    @Bindable(defaultValue = "classpath:config/routing.yaml") String routing,
    @Nullable String advertisedUrl,
    @Bindable(defaultValue = "2s") Duration peerTimeout) {}
