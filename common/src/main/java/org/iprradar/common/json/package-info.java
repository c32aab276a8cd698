/** JSON as it travels on Kafka and over HTTP: one configured mapper and the serdes built on it. */
package org.iprradar.common.json;
