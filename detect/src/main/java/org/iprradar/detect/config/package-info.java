/** Loading rules and brands from YAML, with a precise error for each entry that cannot be used. */
package org.iprradar.detect.config;
