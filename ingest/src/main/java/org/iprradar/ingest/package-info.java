/**
 * Ingestion: partner records arrive over HTTP, are validated one by one, and are acknowledged only
 * once Kafka holds them.
 */
package org.iprradar.ingest;
