package org.iprradar.detect.score;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Set;

/**
 * A stretch of the year in which counterfeits of some categories peak: seeds and fertiliser before
 * spring ploughing, mooncakes before Mid-Autumn. It recurs every year, so it is given as
 * month-days; a window whose start is after its end runs over the new year (12-20..02-10).
 *
 * @param name what the analysts call it, named in the signal's reason
 * @param categories the listing categories it concerns
 * @param from the first day, inclusive
 * @param to the last day, inclusive
 * @param points what it adds to a listing that already shows another positive signal
 */
public record SeasonalWindow(
    String name, Set<String> categories, MonthDay from, MonthDay to, double points) {

  public SeasonalWindow {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a seasonal window needs a name");
    }
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    categories = categories == null ? Set.of() : Set.copyOf(categories);
    if (categories.isEmpty()) {
      throw new IllegalArgumentException("seasonal window " + name + " names no category");
    }
    if (points < 0 || points > 100 || Double.isNaN(points)) {
      throw new IllegalArgumentException(
          "points of seasonal window " + name + " must be within 0..100, was " + points);
    }
  }

  /**
   * A window from month-days written {@code MM-dd}, as in configuration ("03-01").
   *
   * @throws IllegalArgumentException when a month-day is not of that form or does not exist
   */
  public static SeasonalWindow of(
      String name, Set<String> categories, String from, String to, double points) {
    return new SeasonalWindow(name, categories, monthDay(name, from), monthDay(name, to), points);
  }

  /** Whether the day falls within the window, either end included. */
  public boolean contains(LocalDate day) {
    MonthDay md = MonthDay.from(day);
    if (!from.isAfter(to)) {
      return !md.isBefore(from) && !md.isAfter(to);
    }
    return !md.isBefore(from) || !md.isAfter(to);
  }

  /** Whether a listing of this category is concerned. */
  public boolean concerns(String category) {
    return category != null && categories.contains(category);
  }

  private static MonthDay monthDay(String name, String text) {
    if (text == null || !text.strip().matches("\\d{2}-\\d{2}")) {
      throw new IllegalArgumentException(
          "seasonal window " + name + ": month-day must be MM-dd, was " + text);
    }
    try {
      return MonthDay.parse("--" + text.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "seasonal window " + name + ": no such month-day " + text, e);
    }
  }
}
