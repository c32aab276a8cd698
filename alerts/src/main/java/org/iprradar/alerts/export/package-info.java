/**
 * CSV downloads for spreadsheets: the alerts a list query finds, and the penalty decisions recorded
 * on alerts. Written so that Excel opens Chinese text and never runs a cell as a formula.
 */
package org.iprradar.alerts.export;
