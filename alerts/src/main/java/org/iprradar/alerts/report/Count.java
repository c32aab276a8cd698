package org.iprradar.alerts.report;

/**
 * How many alerts share one value.
 *
 * @param key the stable code (bureau id, district code, category, status)
 * @param label the name analysts read, in Chinese where the directory has one
 */
public record Count(String key, String label, long count) {}
