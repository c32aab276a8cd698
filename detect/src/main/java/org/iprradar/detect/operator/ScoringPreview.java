package org.iprradar.detect.operator;

import java.util.List;

/**
 * What a change of scoring settings would have done to the listings it was tried on.
 *
 * @param source {@code recent} (the listings detect assessed last) or {@code sample}
 * @param leadListingsBefore listings that are leads with the settings in force
 * @param leadListingsAfter listings that would be leads with the change
 * @param newLeads lead keys (alert ids) that would newly appear
 * @param goneLeads lead keys that would disappear
 * @param examples listings whose score moves, those whose lead status flips first
 * @param byCategory the counts per listing category, categories with most flips first
 * @param sampleProblems lines of an uploaded sample that are not listings, with why
 */
public record ScoringPreview(
    String key,
    String source,
    int listings,
    int leadListingsBefore,
    int leadListingsAfter,
    List<String> newLeads,
    List<String> goneLeads,
    List<ScoringPreviewExample> examples,
    List<CategoryCount> byCategory,
    List<String> sampleProblems) {}
