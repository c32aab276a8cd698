/**
 * Splitting a request body into records and checking each, with errors that name the record and
 * field.
 */
package org.iprradar.ingest.validate;
