package org.iprradar.common.model;

/** The legal standing of a protected brand, which weighs on how seriously a mention is taken. */
public enum BrandProtection {
  /** A registered trademark (注册商标). */
  REGISTERED,
  /** A well-known mark (驰名商标). */
  WELL_KNOWN,
  /** A geographical indication (地理标志). */
  GEOGRAPHICAL_INDICATION,
  /** A time-honoured brand (老字号). */
  TIME_HONORED,
  /** A foreign-related mark (涉外商标). */
  FOREIGN
}
