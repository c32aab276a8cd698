package org.iprradar.ingest.load;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.iprradar.common.kafka.KafkaSettings;
import org.iprradar.ingest.http.FeedIngestor;
import org.iprradar.ingest.http.Feeds;
import org.iprradar.ingest.partners.PartnerStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Scans the drop folder ({@code ipr.ingest.drop-folder.path}) every {@code interval}. */
@Singleton
@Requires(property = "ipr.ingest.drop-folder.path")
@Requires(property = "kafka.bootstrap-servers")
final class DropFolderService {

  private static final Logger LOG = LoggerFactory.getLogger(DropFolderService.class);

  private final DropFolder folder;
  private final Duration interval;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            var t = new Thread(r, "ipr-ingest-drop-folder");
            t.setDaemon(true);
            return t;
          });

  DropFolderService(
      @Value("${ipr.ingest.drop-folder.path}") Path path,
      @Value("${ipr.ingest.drop-folder.interval:5s}") Duration interval,
      @Value("${ipr.ingest.drop-folder.batch:1000}") int batch,
      Feeds feeds,
      FeedIngestor ingestor,
      PartnerStore partners,
      @Named("ingest") KafkaSettings kafka)
      throws IOException {
    this.interval = interval;
    this.folder =
        new DropFolder(
            path,
            feeds::byName,
            feed -> mapping -> new FileLoader(ingestor, kafka, feed, mapping, batch, p -> {}),
            id -> partners.get(id).map(p -> Set.copyOf(p.platforms())),
            (id, platforms) -> name -> PartnerFeeds.limited(feeds, name, id, platforms));
  }

  @EventListener
  void onStartup(StartupEvent event) {
    scheduler.scheduleWithFixedDelay(
        this::scan, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void scan() {
    try {
      folder.scanOnce();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.warn("Scanning the drop folder failed; trying again in {}", interval, e);
    }
  }

  @PreDestroy
  void close() {
    scheduler.shutdownNow();
  }
}
