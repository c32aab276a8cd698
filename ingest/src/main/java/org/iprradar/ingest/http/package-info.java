/** The partner-facing HTTP API of ingest. */
package org.iprradar.ingest.http;
