/**
 * The alert store: a Streams topology folds routed leads into one alert per lead key, kept in a
 * changelogged state store that survives restarts and is read over HTTP.
 */
package org.iprradar.alerts.store;
