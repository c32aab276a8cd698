package org.iprradar.ingest.validate;

import java.util.List;

/**
 * The verdict on one record: the value to publish under its key, or the reasons it was refused.
 *
 * @param normalised true when trimming, NFC or a currency conversion changed the record, so that
 *     its original is kept beside it
 */
public record Verdict<T>(
    RawRecord source, String key, T value, List<FieldError> errors, boolean normalised) {

  public Verdict {
    errors = List.copyOf(errors);
  }

  public static <T> Verdict<T> accepted(RawRecord source, String key, T value, boolean normalised) {
    return new Verdict<>(source, key, value, List.of(), normalised);
  }

  public static <T> Verdict<T> rejected(RawRecord source, List<FieldError> errors) {
    return new Verdict<>(source, null, null, errors, false);
  }

  public boolean valid() {
    return value != null;
  }
}
