package org.iprradar.common.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether an alert is beyond the administrative bureau alone: a criminal referral to the police
 * (行政执法与刑事司法衔接) or a case the city's leading group supervises (督办).
 *
 * @param reasons the figures that crossed a line, in words, such as {@code estimated sales ¥63,400
 *     ≥ ¥50,000 (counterfeit trademark sales threshold)}
 */
public record Escalation(boolean policeReferral, boolean supervisedCase, List<String> reasons) {

  /** Not escalated; also what alerts written before escalation existed read as. */
  public static final Escalation NONE = new Escalation(false, false, List.of());

  public Escalation {
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
  }

  public boolean escalated() {
    return policeReferral || supervisedCase;
  }

  /**
   * This escalation kept, and a newer one added to it. Escalation only grows: once a referral or a
   * supervised case is set, a later, lower figure does not withdraw it, and the reasons that set it
   * stay until newer figures explain at least as much.
   */
  public Escalation and(Escalation newer) {
    boolean police = policeReferral || newer.policeReferral;
    boolean supervised = supervisedCase || newer.supervisedCase;
    boolean newerExplainsAll =
        (newer.policeReferral || !policeReferral) && (newer.supervisedCase || !supervisedCase);
    if (newerExplainsAll) {
      return new Escalation(police, supervised, newer.reasons);
    }
    var merged = new ArrayList<>(reasons);
    newer.reasons.stream().filter(r -> !merged.contains(r)).forEach(merged::add);
    return new Escalation(police, supervised, merged);
  }
}
