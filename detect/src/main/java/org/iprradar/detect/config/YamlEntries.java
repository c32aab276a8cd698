package org.iprradar.detect.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the entries of a list in YAML files ({@code rules:} or {@code brands:}) one by one, so that
 * one bad entry is reported with its file and index and never stops the others from loading.
 */
final class YamlEntries {

  private static final ObjectMapper YAML =
      YAMLMapper.builder().addModule(new JavaTimeModule()).build();

  private YamlEntries() {}

  /** An entry that was read, or why it could not be. */
  record Entry<T>(String origin, T value, String error) {}

  /**
   * Reads {@code listName} entries from {@code location}: {@code classpath:some/file.yaml}, a YAML
   * file, or a folder whose {@code *.yaml} and {@code *.yml} files are read in name order.
   */
  static <T> List<Entry<T>> read(String location, String listName, Class<T> type)
      throws IOException {
    var entries = new ArrayList<Entry<T>>();
    if (location.startsWith("classpath:")) {
      String resource = location.substring("classpath:".length());
      try (InputStream in = YamlEntries.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IOException("no resource " + resource + " on the classpath");
        }
        collect(location, YAML.readTree(in), listName, type, entries);
      }
      return entries;
    }
    Path path = Path.of(location);
    if (!Files.exists(path)) {
      throw new IOException("no such file or folder: " + path.toAbsolutePath());
    }
    List<Path> files;
    if (Files.isDirectory(path)) {
      try (Stream<Path> list = Files.list(path)) {
        files =
            list.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                .sorted()
                .toList();
      }
    } else {
      files = List.of(path);
    }
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        collect(file.toString(), YAML.readTree(in), listName, type, entries);
      }
    }
    return entries;
  }

  private static <T> void collect(
      String origin, JsonNode root, String listName, Class<T> type, List<Entry<T>> into) {
    JsonNode list = root == null ? null : root.get(listName);
    if (list == null || !list.isArray()) {
      into.add(new Entry<>(origin, null, "expected a list named '" + listName + "'"));
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      String where = origin + " " + listName + "[" + i + "]";
      try {
        into.add(new Entry<>(where, YAML.treeToValue(list.get(i), type), null));
      } catch (IOException | IllegalArgumentException e) {
        into.add(new Entry<>(where, null, rootMessage(e)));
      }
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String message = t.getMessage() == null ? t.toString() : t.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
