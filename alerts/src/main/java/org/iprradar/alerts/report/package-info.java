/**
 * Figures for the city's supervision and assessment: alerts counted by bureau, district, category
 * and status, a daily series, and how long alerts wait for an analyst's first action.
 */
package org.iprradar.alerts.report;
