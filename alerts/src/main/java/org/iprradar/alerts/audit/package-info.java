/**
 * Reading the audit trail: the records of the {@code audit} topic filtered by who, action, time and
 * outcome, newest first, as a page or a CSV export, for supervisors.
 */
package org.iprradar.alerts.audit;
