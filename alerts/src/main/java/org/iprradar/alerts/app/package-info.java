/** Micronaut wiring of alerts: configuration and the Streams application's lifecycle. */
package org.iprradar.alerts.app;
