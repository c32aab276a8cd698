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
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
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
 *
 * <p>A partner's files go in {@code partners/<partnerId>/<feed>/} (listings, complaints,
 * seller-records): each line is then checked against that partner's platforms, and a line of
 * another platform is rejected into the side file with the reason. The top-level feed folders are
 * the operator's and take any platform. Whoever can write to the folder acts as that partner, so
 * its file permissions are the access control: one writable subfolder per partner account.
 */
public final class DropFolder {

  private static final Logger LOG = LoggerFactory.getLogger(DropFolder.class);
  static final List<String> FEEDS =
      List.of("listings", "complaints", "brands", "seller-records", "rules");

  private final Path root;
  private final Function<Feed<?>, Function<HeaderMapping, FileLoader>> loaders;
  private final Function<String, Feed<?>> feeds;
  private final Function<String, Optional<Set<String>>> partnerPlatforms;
  private final BiFunction<String, Set<String>, Function<String, Feed<?>>> partnerFeeds;
  private final Map<Path, Long> lastSize = new HashMap<>();

  /**
   * @param loaders a loader for a feed and a mapping
   */
  public DropFolder(
      Path root,
      Function<String, Feed<?>> feeds,
      Function<Feed<?>, Function<HeaderMapping, FileLoader>> loaders)
      throws IOException {
    this(root, feeds, loaders, id -> Optional.empty(), (id, platforms) -> name -> null);
  }

  /**
   * @param partnerPlatforms a partner's platforms, empty for an unknown partner
   * @param partnerFeeds the feeds of a partner, limited to its platforms
   */
  public DropFolder(
      Path root,
      Function<String, Feed<?>> feeds,
      Function<Feed<?>, Function<HeaderMapping, FileLoader>> loaders,
      Function<String, Optional<Set<String>>> partnerPlatforms,
      BiFunction<String, Set<String>, Function<String, Feed<?>>> partnerFeeds)
      throws IOException {
    this.root = root;
    this.feeds = feeds;
    this.loaders = loaders;
    this.partnerPlatforms = partnerPlatforms;
    this.partnerFeeds = partnerFeeds;
    for (String feed : FEEDS) {
      Files.createDirectories(root.resolve(feed));
    }
    Files.createDirectories(root.resolve("done"));
  }

  /** Loads every file that is complete; returns the files loaded in this scan. */
  public synchronized List<Path> scanOnce() throws IOException, InterruptedException {
    var loaded = new ArrayList<Path>();
    for (String feedName : FEEDS) {
      scan(
          root.resolve(feedName),
          feeds.apply(feedName),
          root.resolve("done").resolve(feedName),
          loaded);
    }
    Path partners = root.resolve("partners");
    if (Files.isDirectory(partners)) {
      List<Path> folders;
      try (var stream = Files.list(partners)) {
        folders = stream.filter(Files::isDirectory).sorted().toList();
      }
      for (Path partnerFolder : folders) {
        String partnerId = partnerFolder.getFileName().toString();
        Optional<Set<String>> platforms = partnerPlatforms.apply(partnerId);
        if (platforms.isEmpty()) {
          LOG.warn("Drop folder {} names no known partner; its files wait", partnerFolder);
          continue;
        }
        var limited = partnerFeeds.apply(partnerId, platforms.get());
        for (String feedName : PartnerFeeds.NAMES) {
          Path folder = partnerFolder.resolve(feedName);
          if (Files.isDirectory(folder)) {
            scan(
                folder,
                limited.apply(feedName),
                root.resolve("done").resolve("partners").resolve(partnerId).resolve(feedName),
                loaded);
          }
        }
      }
    }
    return loaded;
  }

  private void scan(Path folder, Feed<?> feed, Path done, List<Path> loaded)
      throws IOException, InterruptedException {
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
        var progress = loaders.apply(feed).apply(mapping).load(file);
        LOG.info("Loaded {} from the drop folder: {}", file, progress.describe());
        moveToDone(done, file);
        lastSize.remove(file);
        loaded.add(file);
      } catch (java.util.concurrent.ExecutionException | RuntimeException e) {
        LOG.warn("Loading {} failed; it will be resumed at the next scan: {}", file, e.toString());
      }
    }
  }

  private static boolean isData(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return Files.isRegularFile(file)
        && (name.endsWith(".ndjson") || name.endsWith(".jsonl") || name.endsWith(".csv"));
  }

  private void moveToDone(Path doneFolder, Path file) throws IOException {
    Path done = Files.createDirectories(doneFolder);
    for (Path p : List.of(file, FileLoader.rejectedPathFor(file), Checkpoint.pathFor(file))) {
      if (Files.exists(p)) {
        Files.move(p, done.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
