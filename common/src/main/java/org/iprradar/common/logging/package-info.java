/** The one logging setting: text or JSON lines (see logback.xml and docs/OPERATIONS.md). */
package org.iprradar.common.logging;
