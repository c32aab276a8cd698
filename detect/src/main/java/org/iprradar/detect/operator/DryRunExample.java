package org.iprradar.detect.operator;

import java.util.List;
import org.iprradar.common.model.Evidence;

/**
 * One listing whose outcome the change touches, with the evidence of the draft rule so that the
 * page can highlight it in the listing's text.
 *
 * @param evidence the draft rule's evidence; offsets into the named field of this listing
 */
public record DryRunExample(
    String listingKey,
    String title,
    String description,
    String shopName,
    double scoreBefore,
    double scoreAfter,
    boolean leadBefore,
    boolean leadAfter,
    List<Evidence> evidence) {}
