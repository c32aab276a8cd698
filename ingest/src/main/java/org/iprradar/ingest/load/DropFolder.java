package org.iprradar.ingest.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.iprradar.ingest.http.Feed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder partners deposit files in, one subfolder per feed ({@code listings/}, {@code
 * complaints/}, ...). Each scan loads the NDJSON and CSV files whose size has not changed since the
 * previous scan (so a file still being copied is left alone), with the file loader's checkpoint and
 * side file, then moves the file with its side file and checkpoint to {@code done/}. A file that
 * fails (Kafka away) stays and is resumed at a later scan. A {@code mapping.properties} in a feed's
 * subfolder maps CSV columns for that feed.
 */
public final class DropFolder {

  private static final Logger LOG = LoggerFactory.getLogger(DropFolder.class);
  static final List<String> FEEDS =
      List.of("listings", "complaints", "brands", "seller-records", "rules");

  private final Path root;
  private final Function<Feed<?>, Function<HeaderMapping, FileLoader>> loaders;
  private final Function<String, Feed<?>> feeds;
  private final Map<Path, Long> lastSize = new HashMap<>();

  /**
   * @param loaders a loader for a feed and a mapping
   */
  public DropFolder(
      Path root,
      Function<String, Feed<?>> feeds,
      Function<Feed<?>, Function<HeaderMapping, FileLoader>> loaders)
      throws IOException {
    this.root = root;
    this.feeds = feeds;
    this.loaders = loaders;
    for (String feed : FEEDS) {
      Files.createDirectories(root.resolve(feed));
    }
    Files.createDirectories(root.resolve("done"));
  }

  /** Loads every file that is complete; returns the files loaded in this scan. */
  public synchronized List<Path> scanOnce() throws IOException, InterruptedException {
    var loaded = new ArrayList<Path>();
    for (String feedName : FEEDS) {
      Path folder = root.resolve(feedName);
      List<Path> files;
      try (var stream = Files.list(folder)) {
        files = stream.filter(DropFolder::isData).sorted().toList();
      }
      for (Path file : files) {
        long size = Files.size(file);
        Long before = lastSize.put(file, size);
        if (before == null || before != size) {
          continue; // new or still growing: look again at the next scan
        }
        Path mappingFile = folder.resolve("mapping.properties");
        var mapping =
            Files.exists(mappingFile) ? LoadCommand.mapping(mappingFile) : HeaderMapping.identity();
        try {
          var progress = loaders.apply(feeds.apply(feedName)).apply(mapping).load(file);
          LOG.info("Loaded {} from the drop folder: {}", file, progress.describe());
          moveToDone(feedName, file);
          lastSize.remove(file);
          loaded.add(file);
        } catch (java.util.concurrent.ExecutionException | RuntimeException e) {
          LOG.warn(
              "Loading {} failed; it will be resumed at the next scan: {}", file, e.toString());
        }
      }
    }
    return loaded;
  }

  private static boolean isData(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return Files.isRegularFile(file)
        && (name.endsWith(".ndjson") || name.endsWith(".jsonl") || name.endsWith(".csv"));
  }

  private void moveToDone(String feed, Path file) throws IOException {
    Path done = Files.createDirectories(root.resolve("done").resolve(feed));
    for (Path p : List.of(file, FileLoader.rejectedPathFor(file), Checkpoint.pathFor(file))) {
      if (Files.exists(p)) {
        Files.move(p, done.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
