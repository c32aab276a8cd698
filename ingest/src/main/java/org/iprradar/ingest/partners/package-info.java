/**
 * Platform partners and their API keys: the directory followed from the {@code partners} topic, the
 * administrators' API that manages it, and the authentication of a partner's requests.
 */
package org.iprradar.ingest.partners;
