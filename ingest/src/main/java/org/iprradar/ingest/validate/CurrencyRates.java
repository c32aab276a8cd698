package org.iprradar.ingest.validate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Configured rates to CNY. Prices are stored in CNY because every threshold (reference prices,
 * police-referral sales) is in CNY; a price in another currency is converted only when its rate is
 * configured, never guessed.
 *
 * @param toCny how many CNY one unit of each currency (ISO 4217 code) is worth
 */
public record CurrencyRates(Map<String, BigDecimal> toCny) {

  public static final String CNY = "CNY";

  public CurrencyRates {
    var rates = new HashMap<String, BigDecimal>();
    (toCny == null ? Map.<String, BigDecimal>of() : toCny)
        .forEach(
            (code, rate) -> {
              String upper = code.toUpperCase(Locale.ROOT);
              if (!known(upper)) {
                throw new IllegalArgumentException(
                    "ipr.ingest.cny-rates: '" + code + "' is not an ISO 4217 currency code");
              }
              if (rate == null || rate.signum() <= 0) {
                throw new IllegalArgumentException(
                    "ipr.ingest.cny-rates." + code + " must be a positive number, was " + rate);
              }
              rates.put(upper, rate);
            });
    toCny = Map.copyOf(rates);
  }

  public static CurrencyRates none() {
    return new CurrencyRates(Map.of());
  }

  /** True for an ISO 4217 code such as CNY, USD or HKD. */
  public static boolean known(String code) {
    try {
      Currency.getInstance(code);
      return code.length() == 3;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The price in CNY, to the fen; empty when no rate is configured for the currency. */
  public Optional<BigDecimal> toCny(BigDecimal price, String currency) {
    if (CNY.equals(currency)) {
      return Optional.of(price);
    }
    BigDecimal rate = toCny.get(currency);
    return rate == null
        ? Optional.empty()
        : Optional.of(price.multiply(rate).setScale(2, RoundingMode.HALF_EVEN));
  }
}
