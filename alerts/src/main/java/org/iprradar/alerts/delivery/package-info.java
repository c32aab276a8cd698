/**
 * Webhook delivery of alert versions to the bureaus that configured an endpoint: signed JSON,
 * retried with backoff, dead-lettered when the bureau stays unreachable.
 */
package org.iprradar.alerts.delivery;
