package org.iprradar.detect.operator;

/**
 * One listing whose score or lead status the change touches.
 *
 * @param leadKey the alert the listing's lead belongs to (after the change, else before)
 */
public record ScoringPreviewExample(
    String listingKey,
    String category,
    String title,
    String shopName,
    String leadKey,
    double scoreBefore,
    double scoreAfter,
    boolean leadBefore,
    boolean leadAfter) {}
