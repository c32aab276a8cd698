/**
 * Alerts: leads are routed to the responsible bureau and jurisdiction, folded into one alert per
 * lead key, and served to analysts over HTTP.
 */
package org.iprradar.alerts;
