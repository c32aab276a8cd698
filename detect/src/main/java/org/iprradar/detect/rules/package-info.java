/**
 * The live rule book: rules and brands change at run time, and matching always reads one complete,
 * immutable {@link org.iprradar.detect.rules.RuleSet}, never half an update.
 */
package org.iprradar.detect.rules;
