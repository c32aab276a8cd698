/** The analysts' HTTP API over the alert store. */
package org.iprradar.alerts.http;
