/**
 * Micronaut wiring of detect: configuration, the engine beans and the Streams application's
 * lifecycle.
 */
package org.iprradar.detect.app;
