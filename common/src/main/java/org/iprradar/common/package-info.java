/**
 * What every module shares: the domain as records, their JSON form, and the Kafka topics they
 * travel on. Deliberately free of Micronaut and Lucene so that any client or tool can depend on it.
 */
package org.iprradar.common;
