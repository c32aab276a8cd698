/** The analysts' triage workflow: which action an alert accepts in which status. */
package org.iprradar.alerts.triage;
