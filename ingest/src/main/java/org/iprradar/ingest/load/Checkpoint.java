package org.iprradar.ingest.load;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * How far a load got, written after Kafka acknowledged each batch: the records done, the size of
 * the side file then, and the end offset of each partition after the batch. A resumed load starts
 * after {@code recordsDone} and looks for records of its {@code loadId} beyond {@code offsets},
 * which a batch interrupted between Kafka's acknowledgement and this file's write left behind.
 *
 * @param offsets partition to the offset after the last acknowledged record of this load (or the
 *     partition's end when the load started)
 */
record Checkpoint(
    String loadId,
    String topic,
    long recordsDone,
    long rejectedBytes,
    Map<Integer, Long> offsets,
    boolean complete) {

  Checkpoint {
    offsets = Map.copyOf(offsets);
  }

  static Path pathFor(Path file) {
    return file.resolveSibling(file.getFileName() + ".checkpoint");
  }

  static Checkpoint read(Path path) throws IOException {
    var props = new Properties();
    try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      props.load(in);
    }
    var offsets = new TreeMap<Integer, Long>();
    for (String name : props.stringPropertyNames()) {
      if (name.startsWith("offset.")) {
        offsets.put(
            Integer.parseInt(name.substring("offset.".length())),
            Long.parseLong(props.getProperty(name)));
      }
    }
    return new Checkpoint(
        props.getProperty("load.id"),
        props.getProperty("topic"),
        Long.parseLong(props.getProperty("records.done")),
        Long.parseLong(props.getProperty("rejected.bytes")),
        offsets,
        Boolean.parseBoolean(props.getProperty("complete")));
  }

  /** Writes to a temporary file and renames it, so that a crash never leaves half a checkpoint. */
  void write(Path path) throws IOException {
    var props = new Properties();
    props.setProperty("load.id", loadId);
    props.setProperty("topic", topic);
    props.setProperty("records.done", String.valueOf(recordsDone));
    props.setProperty("rejected.bytes", String.valueOf(rejectedBytes));
    props.setProperty("complete", String.valueOf(complete));
    offsets.forEach((p, o) -> props.setProperty("offset." + p, String.valueOf(o)));
    Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
    try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      props.store(
          out, "IPR Radar file load; delete this file to load the file again from the start");
    }
    Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
