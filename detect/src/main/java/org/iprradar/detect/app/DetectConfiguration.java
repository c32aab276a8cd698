package org.iprradar.detect.app;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Settings of detect under {@code ipr.detect}.
 *
 * @param rules rules YAML: {@code classpath:...}, a file, or a folder of files
 * @param brands brand registry YAML, same forms
 */
@ConfigurationProperties("ipr.detect")
public record DetectConfiguration(
    @Bindable(defaultValue = "classpath:config/rules.yaml") String rules,
    @Bindable(defaultValue = "classpath:config/brands.yaml") String brands,
    @Bindable(defaultValue = "25") double brandMentionWeight,
    @Bindable(defaultValue = "35") double priceBelowBandWeight,
    @Bindable(defaultValue = "0.3") double priceBandRatio,
    @Bindable(defaultValue = "60") double leadThreshold) {}
