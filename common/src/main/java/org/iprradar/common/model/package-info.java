/**
 * The domain as immutable records: listings in, assessments and leads through the pipeline, alerts
 * out. Compact constructors validate and copy collections, so a record that exists is a record that
 * is usable.
 */
package org.iprradar.common.model;
