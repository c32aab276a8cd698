/**
 * The bureau directory, the jurisdictions and the routing table, loaded from YAML and validated.
 */
package org.iprradar.alerts.route;
