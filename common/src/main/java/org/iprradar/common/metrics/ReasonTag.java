package org.iprradar.common.metrics;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Turns a dead letter's one-line reason into a bounded metric tag: its leading words, before any
 * value it quotes (a key, an offset, an exception message), so that {@code "unreadable seller
 * record: Unexpected character..."} counts as {@code unreadable seller record}. A tag never carries
 * a record's data, and a process keeps at most {@link #LIMIT} distinct tags; later ones count as
 * {@code other}.
 */
public final class ReasonTag {

  /** The most distinct reasons one process reports. */
  public static final int LIMIT = 40;

  private static final Pattern LEADING_WORDS = Pattern.compile("^[A-Za-z' ]+");
  private static final int MAX_LENGTH = 48;

  private final Set<String> seen = ConcurrentHashMap.newKeySet();

  /** The tag for {@code reason}, {@code unknown} when it starts with no word. */
  public String of(String reason) {
    if (reason == null) {
      return "unknown";
    }
    var m = LEADING_WORDS.matcher(reason);
    String words = m.find() ? m.group().strip().toLowerCase(Locale.ROOT) : "";
    // A trailing word that a value follows is usually the value's name ("key is not the"): keep
    // it, it tells the reasons apart; cut at a word boundary when too long.
    if (words.length() > MAX_LENGTH) {
      int space = words.lastIndexOf(' ', MAX_LENGTH);
      words = words.substring(0, space > 0 ? space : MAX_LENGTH);
    }
    if (words.isEmpty()) {
      return "unknown";
    }
    if (seen.contains(words)) {
      return words;
    }
    synchronized (seen) {
      if (seen.size() < LIMIT) {
        seen.add(words);
        return words;
      }
    }
    return "other";
  }
}
