package org.iprradar.alerts.store;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Arrays;
import java.util.Locale;
import org.iprradar.common.model.Alert;
import org.iprradar.common.model.AlertStatus;
import org.iprradar.common.model.InfringementType;

/**
 * Which alerts a query wants; a null criterion matches everything.
 *
 * @param region GB/T 2260 code; a city or province prefix code (320600) matches its districts
 * @param text case-insensitive text searched in listing titles, shop names and the seller id
 * @param policeReferral when true, only alerts referred to the police; false or null matches all
 * @param supervisedCase when true, only supervised cases; false or null matches all
 * @param category the product category, exactly as the lead names it
 * @param assignee the analyst the alert is currently assigned to
 * @param unassigned when true, only alerts nobody is assigned to; false or null matches all
 * @param visibility what the caller may see (an analyst's bureau and district); null for a caller
 *     who sees every alert
 */
public record AlertFilter(
    String bureau,
    String region,
    AlertStatus status,
    InfringementType type,
    Double minScore,
    String text,
    Boolean policeReferral,
    Boolean supervisedCase,
    String category,
    String assignee,
    Boolean unassigned,
    Visibility visibility) {

  public static final AlertFilter ALL =
      new AlertFilter(null, null, null, null, null, null, null, null);

  @JsonCreator
  public AlertFilter {}

  /** A filter of every caller-given criterion, for a caller who sees every alert. */
  public AlertFilter(
      String bureau,
      String region,
      AlertStatus status,
      InfringementType type,
      Double minScore,
      String text,
      Boolean policeReferral,
      Boolean supervisedCase,
      String category,
      String assignee,
      Boolean unassigned) {
    this(
        bureau,
        region,
        status,
        type,
        minScore,
        text,
        policeReferral,
        supervisedCase,
        category,
        assignee,
        unassigned,
        null);
  }

  /** This filter, further limited to what {@code scope} sees; null leaves it as it is. */
  public AlertFilter within(Visibility scope) {
    return new AlertFilter(
        bureau,
        region,
        status,
        type,
        minScore,
        text,
        policeReferral,
        supervisedCase,
        category,
        assignee,
        unassigned,
        scope);
  }

  /** A filter without the category and assignee criteria. */
  public AlertFilter(
      String bureau,
      String region,
      AlertStatus status,
      InfringementType type,
      Double minScore,
      String text,
      Boolean policeReferral,
      Boolean supervisedCase) {
    this(
        bureau,
        region,
        status,
        type,
        minScore,
        text,
        policeReferral,
        supervisedCase,
        null,
        null,
        null);
  }

  /**
   * A filter from query parameters as a client sends them: blank means no criterion, enum names are
   * case-insensitive.
   *
   * @throws IllegalArgumentException naming the parameter and the values it takes, when a status or
   *     type is not one
   */
  public static AlertFilter parse(
      String bureau,
      String region,
      String status,
      String type,
      Double minScore,
      String text,
      Boolean policeReferral,
      Boolean supervisedCase,
      String category,
      String assignee,
      Boolean unassigned) {
    return new AlertFilter(
        blankToNull(bureau),
        blankToNull(region),
        parseEnum(AlertStatus.class, "status", status),
        parseEnum(InfringementType.class, "type", type),
        minScore,
        blankToNull(text),
        policeReferral,
        supervisedCase,
        blankToNull(category),
        blankToNull(assignee),
        unassigned);
  }

  private static <E extends Enum<E>> E parseEnum(Class<E> type, String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          name
              + " must be one of "
              + Arrays.toString(type.getEnumConstants())
              + ", was '"
              + value
              + "'",
          e);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  public boolean test(Alert alert) {
    return (bureau == null || bureau.equals(alert.bureau().id()))
        && (region == null || inRegion(alert.jurisdiction()))
        && (status == null || status == alert.status())
        && (type == null || type == alert.infringementType())
        && (minScore == null || alert.score() >= minScore)
        && (text == null || mentions(alert))
        && (!Boolean.TRUE.equals(policeReferral) || alert.escalation().policeReferral())
        && (!Boolean.TRUE.equals(supervisedCase) || alert.escalation().supervisedCase())
        && (category == null || category.equals(alert.category()))
        && (assignee == null || assignee.equals(alert.assignee()))
        && (!Boolean.TRUE.equals(unassigned) || alert.assignee() == null)
        && (visibility == null || visibility.sees(alert));
  }

  private boolean inRegion(String code) {
    if (code == null) {
      return false;
    }
    // 320600 is the city: its districts share the first four digits; 320000 the province: two.
    String prefix = region.replaceAll("(00)+$", "");
    return code.startsWith(prefix);
  }

  private boolean mentions(Alert alert) {
    String needle = text.toLowerCase(Locale.ROOT);
    return alert.sellerId().toLowerCase(Locale.ROOT).contains(needle)
        || alert.listings().stream()
            .anyMatch(
                a ->
                    (a.title() != null && a.title().toLowerCase(Locale.ROOT).contains(needle))
                        || (a.shopName() != null
                            && a.shopName().toLowerCase(Locale.ROOT).contains(needle)));
  }
}
