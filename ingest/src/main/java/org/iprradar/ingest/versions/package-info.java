/**
 * The latest listing version per listing key that ingest knows of, built from the listings topic,
 * so that an older or equal version is answered as a duplicate and not sent again.
 */
package org.iprradar.ingest.versions;
