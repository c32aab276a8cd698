package org.iprradar.benchmarks;

import java.util.HashMap;
import java.util.Map;

/** The {@code --name=value} arguments every command of this module takes. */
public final class Options {

  private Options() {}

  /**
   * The arguments as a map of name to value.
   *
   * @throws IllegalArgumentException naming the first argument that is not {@code --name=value}
   */
  public static Map<String, String> parse(String... args) {
    var options = new HashMap<String, String>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 0) {
        throw new IllegalArgumentException("options are --name=value, not " + arg);
      }
      options.put(arg.substring(2, eq), arg.substring(eq + 1));
    }
    return options;
  }
}
