package org.iprradar.detect.operator;

import java.util.List;

/**
 * What a change would have done to the listings it was tried on.
 *
 * @param source {@code recent} (the listings detect assessed last) or {@code sample}
 * @param listings how many listings it was tried on
 * @param ruleId the draft rule, or null when only the threshold was tried
 * @param hitsBefore listings the rule of that id hits now
 * @param hitsAfter listings the draft hits
 * @param leadListingsBefore listings that are leads now
 * @param leadListingsAfter listings that would be leads under the change
 * @param newLeads lead keys ({@code platform:sellerId:TYPE}, the alert ids) that would newly appear
 * @param goneLeads lead keys that would disappear
 * @param examples listings the draft hits or whose lead status changes, changed ones first
 * @param sampleProblems lines of an uploaded sample that are not listings, with why
 */
public record DryRunResult(
    String source,
    int listings,
    String ruleId,
    int hitsBefore,
    int hitsAfter,
    int leadListingsBefore,
    int leadListingsAfter,
    List<String> newLeads,
    List<String> goneLeads,
    List<DryRunExample> examples,
    List<String> sampleProblems) {}
