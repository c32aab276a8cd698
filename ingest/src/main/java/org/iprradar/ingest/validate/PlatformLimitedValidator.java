package org.iprradar.ingest.validate;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A feed's validator limited to some platforms: a valid record of another platform is rejected,
 * with the reason, like any invalid record. For files a partner drops in its own folder, where each
 * line is judged alone (HTTP refuses the whole request instead, before validation).
 */
public final class PlatformLimitedValidator<T> implements RecordValidator<T> {

  private final RecordValidator<T> validator;
  private final Function<T, String> platformOf;
  private final String partnerId;
  private final Set<String> platforms;

  public PlatformLimitedValidator(
      RecordValidator<T> validator,
      Function<T, String> platformOf,
      String partnerId,
      Set<String> platforms) {
    this.validator = validator;
    this.platformOf = platformOf;
    this.partnerId = partnerId;
    this.platforms = Set.copyOf(platforms);
  }

  @Override
  public Verdict<T> validate(RawRecord record, Map<String, String> pathParameters) {
    Verdict<T> verdict = validator.validate(record, pathParameters);
    if (!verdict.valid() || platforms.contains(platformOf.apply(verdict.value()))) {
      return verdict;
    }
    return Verdict.rejected(
        record,
        List.of(
            new FieldError(
                "platform",
                "partner '"
                    + partnerId
                    + "' may not write for platform '"
                    + platformOf.apply(verdict.value())
                    + "', only for "
                    + String.join(", ", new TreeSet<>(platforms)))));
  }
}
