package org.iprradar.detect;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One real Taobao title of the shared data set ({@code taobao-titles.jsonl}) with the brand names
 * annotators tagged in it. Shared with the benchmarks, which measure on the same real text.
 */
public record TaobaoTitle(String title, List<String> brands) {

  /** Where the data set is seen from the repository root. */
  public static final Path FROM_ROOT = Path.of("../shared/data/taobao-titles.jsonl");

  /** Where the data set is seen from a module directory, the working directory of its tests. */
  public static final Path FROM_MODULE = Path.of("..").resolve(FROM_ROOT);

  public TaobaoTitle {
    brands = brands == null ? List.of() : List.copyOf(brands);
  }

  /** Reads every line of a {@code taobao-titles.jsonl} file. */
  public static List<TaobaoTitle> read(Path file) {
    var json = new ObjectMapper();
    try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
      return lines
          .filter(line -> !line.isBlank())
          .map(
              line -> {
                try {
                  return json.readValue(line, TaobaoTitle.class);
                } catch (IOException e) {
                  throw new UncheckedIOException("bad line in " + file + ": " + line, e);
                }
              })
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
