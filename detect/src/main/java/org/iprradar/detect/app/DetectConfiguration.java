package org.iprradar.detect.app;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Settings of detect under {@code ipr.detect}.
 *
 * @param rules rules YAML: {@code classpath:...}, a file, or a folder of files
 * @param brands brand registry YAML, same forms
 * @param feedCatchUpTimeout how long start-up waits for the rules and brands topics to be read
 *     before listings are scored; after it, scoring starts with what was read so far
 */
@ConfigurationProperties("ipr.detect")
public record DetectConfiguration(
    @Bindable(defaultValue = "classpath:config/rules.yaml") String rules,
    @Bindable(defaultValue = "classpath:config/brands.yaml") String brands,
    @Bindable(defaultValue = "25") double brandMentionWeight,
    @Bindable(defaultValue = "35") double priceBelowBandWeight,
    @Bindable(defaultValue = "0.3") double priceBandRatio,
    @Bindable(defaultValue = "60") double leadThreshold,
    @Bindable(defaultValue = "60s") Duration feedCatchUpTimeout) {}
