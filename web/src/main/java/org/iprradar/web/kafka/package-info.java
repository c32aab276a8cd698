/** What every service's Kafka clients share beyond the bootstrap servers: their credentials. */
package org.iprradar.web.kafka;
