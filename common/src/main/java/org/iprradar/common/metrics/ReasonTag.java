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

  private static final Pattern FIRST_WORD = Pattern.compile("^[A-Za-z']+");
  private static final Pattern NEXT_WORD = Pattern.compile("^[a-z']+");
  private static final int MAX_LENGTH = 48;

  private final Set<String> seen = ConcurrentHashMap.newKeySet();

  /** The tag for {@code reason}, {@code unknown} when it starts with no word. */
  public String of(String reason) {
    if (reason == null) {
      return "unknown";
    }
    String words = leadingWords(reason.strip());
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

  /**
   * The words before the first value: the first word (which may be capitalised, like Jackson's
   * messages), then lower-case words, up to the first token that is not one; of a token like {@code
   * platform:sellerId} its leading letters are kept, since they name the value.
   */
  private static String leadingWords(String reason) {
    var out = new StringBuilder();
    String[] tokens = reason.split(" ");
    for (int i = 0; i < tokens.length; i++) {
      var m = (i == 0 ? FIRST_WORD : NEXT_WORD).matcher(tokens[i]);
      if (!m.find() || out.length() + m.end() >= MAX_LENGTH) {
        break;
      }
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(m.group());
      if (m.end() < tokens[i].length()) {
        break;
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }
}
