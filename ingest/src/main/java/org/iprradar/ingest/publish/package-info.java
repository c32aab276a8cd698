/** Publishing accepted records to Kafka with a durable, idempotent producer. */
package org.iprradar.ingest.publish;
