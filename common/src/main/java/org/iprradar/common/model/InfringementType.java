package org.iprradar.common.model;

/**
 * The kinds of infringement the city's plan asks the bureaus to act on. The vocabulary is shared by
 * rules, assessments, leads and the routing table.
 */
public enum InfringementType {
  /** Nothing found; an assessment that is not a lead. */
  NONE,
  /** Goods under a counterfeit registered trademark, or evasions of one. */
  COUNTERFEIT_TRADEMARK,
  /** Pirated books, courses, film and software, cracked software and illicit activation keys. */
  PIRACY_COPYRIGHT,
  /** Fake or substandard drugs, health food, food and illegal additives. */
  COUNTERFEIT_DRUG_OR_FOOD,
  /** Fake or substandard seeds, fertiliser and pesticide. */
  SUBSTANDARD_AGRI_INPUT,
  /** Goods that may not be sold at all. */
  PROHIBITED,
  /** Patent infringement, including plant-variety rights. */
  PATENT
}
