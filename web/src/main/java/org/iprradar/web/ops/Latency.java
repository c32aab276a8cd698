package org.iprradar.web.ops;

/** The assessment latency histogram's summary: how many, their mean and the slowest recently. */
public record Latency(long count, double meanMillis, double maxMillis) {}
