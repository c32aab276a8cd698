package org.iprradar.common.model;

/** Where a complaint came from; each source is counted the same, but analysts see which it was. */
public enum ComplaintSource {
  /** A consumer complaint through the 12315 hotline or platform. */
  CONSUMER_12315,
  /** A rights holder's infringement notice, usually with evidence links. */
  RIGHTS_HOLDER,
  /** A complaint exported by the e-commerce platform itself. */
  PLATFORM
}
