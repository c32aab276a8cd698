/**
 * The detect topology: raw listing bytes in, looked up against global stores of seller records
 * (with an identity index for seller networks) and complaints; an assessment per listing, leads
 * above the threshold, and dead letters for what cannot be read, out.
 */
package org.iprradar.detect.topology;
