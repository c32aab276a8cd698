package org.iprradar.detect.app;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.Map;

/**
 * Settings of detect under {@code ipr.detect}.
 *
 * @param rules rules YAML: {@code classpath:...}, a file, or a folder of files
 * @param brands brand registry YAML, same forms
 * @param brandMentionWeight points for naming a protected brand outside its official shops
 * @param priceBelowBandWeight points for a (unit) price under {@code priceBandRatio} of the band
 * @param priceBandRatio how far below the lowest reference price a price must be to count
 * @param priceWithinBandWeight points taken off when a named brand's (unit) price is within its
 *     band, as a genuine product's would be
 * @param leadThreshold score from which an assessment is a lead
 * @param feedCatchUpTimeout how long start-up waits for the rules and brands topics to be read
 *     before listings are scored; after it, scoring starts with what was read so far
 * @param sellerBlacklistedWeight points for a seller on the credit blacklist
 * @param sellerPenaltyWeight points for each prior penalty for counterfeiting or IP infringement
 * @param sellerPenaltyCap the most points prior penalties add together
 * @param sellerConfirmedAlertWeight points for each earlier alert on the seller that was confirmed
 * @param sellerConfirmedAlertCap the most points confirmed alerts add together
 * @param sellerHistoryCap the most points a seller's history adds to a listing's score
 * @param categoryPoints points by listing category for the plan's focus categories, added only to a
 *     listing with another positive signal; null (unset) keeps the defaults of {@link
 *     org.iprradar.detect.score.ScoringSettings#DEFAULTS}, an entry replaces the whole map
 * @param crossBorderWeight points for a cross-border listing of a protected brand
 * @param networkShare the share of the riskiest linked seller's history points a listing of another
 *     member of its network gets (below 1: less than the seller's own history)
 * @param networkCap the most points a seller's network adds
 * @param listingComplaintWeight points per complaint about the listing in the 30 days before it
 * @param listingComplaintCap the most points the listing's complaints add
 * @param sellerComplaintWeight points per further complaint about the seller in those 30 days
 * @param sellerComplaintCap the most points the seller's complaints add
 * @param complaintSurgeWeight points for a complaint surge
 * @param complaintSurgeMinimum the fewest complaints in 7 days that can be a surge
 * @param complaintSurgeRatio how many times the usual 7-day rate a surge must reach
 */
@ConfigurationProperties("ipr.detect")
public record DetectConfiguration(
    @Bindable(defaultValue = "classpath:config/rules.yaml") String rules,
    @Bindable(defaultValue = "classpath:config/brands.yaml") String brands,
    @Bindable(defaultValue = "25") double brandMentionWeight,
    @Bindable(defaultValue = "35") double priceBelowBandWeight,
    @Bindable(defaultValue = "0.5") double priceBandRatio,
    @Bindable(defaultValue = "20") double priceWithinBandWeight,
    @Bindable(defaultValue = "60") double leadThreshold,
    @Bindable(defaultValue = "60s") Duration feedCatchUpTimeout,
    @Bindable(defaultValue = "30") double sellerBlacklistedWeight,
    @Bindable(defaultValue = "15") double sellerPenaltyWeight,
    @Bindable(defaultValue = "30") double sellerPenaltyCap,
    @Bindable(defaultValue = "10") double sellerConfirmedAlertWeight,
    @Bindable(defaultValue = "20") double sellerConfirmedAlertCap,
    @Bindable(defaultValue = "40") double sellerHistoryCap,
    @Nullable Map<String, Double> categoryPoints,
    @Bindable(defaultValue = "10") double crossBorderWeight,
    @Bindable(defaultValue = "0.5") double networkShare,
    @Bindable(defaultValue = "20") double networkCap,
    @Bindable(defaultValue = "10") double listingComplaintWeight,
    @Bindable(defaultValue = "30") double listingComplaintCap,
    @Bindable(defaultValue = "4") double sellerComplaintWeight,
    @Bindable(defaultValue = "16") double sellerComplaintCap,
    @Bindable(defaultValue = "60") double complaintSurgeWeight,
    @Bindable(defaultValue = "5") int complaintSurgeMinimum,
    @Bindable(defaultValue = "3") double complaintSurgeRatio) {}
