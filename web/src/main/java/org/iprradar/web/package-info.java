/**
 * HTTP behaviour every IPR Radar app shares, whichever of them run in one JVM: errors answered as
 * JSON with a message, and the OpenAPI documents served from the classpath.
 */
package org.iprradar.web;
