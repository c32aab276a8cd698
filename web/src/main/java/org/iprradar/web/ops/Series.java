package org.iprradar.web.ops;

import java.util.Map;

/** One meter's current value with its tags, as the operator page shows it. */
public record Series(Map<String, String> tags, double value) {}
