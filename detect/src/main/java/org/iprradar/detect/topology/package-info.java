/**
 * The detect topology: raw listing bytes in; an assessment per listing, leads above the threshold,
 * and dead letters for what cannot be read, out.
 */
package org.iprradar.detect.topology;
