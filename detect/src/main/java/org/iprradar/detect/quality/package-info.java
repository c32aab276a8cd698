/**
 * Detection quality: the engine run over labelled data sets, to measure brand recall and the
 * precision and recall of the lead verdict. Plain Java, run from the command line by {@link
 * org.iprradar.detect.quality.QualityReport}.
 */
package org.iprradar.detect.quality;
