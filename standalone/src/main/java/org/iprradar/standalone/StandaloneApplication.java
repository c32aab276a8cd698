package org.iprradar.standalone;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.iprradar.ingest.http.ListingIngestor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar ipr-radar-standalone.jar [--demo] [--name=value ...]}: the embedded default.
 * With {@code --demo} it also loads a small demo data set, so routed alerts show within seconds.
 */
public final class StandaloneApplication {

  private static final Logger LOG = LoggerFactory.getLogger(StandaloneApplication.class);

  private StandaloneApplication() {}

  public static void main(String[] args) throws InterruptedException {
    boolean demo = Arrays.asList(args).contains("--demo");
    String[] rest = Arrays.stream(args).filter(a -> !a.equals("--demo")).toArray(String[]::new);
    Standalone standalone = Standalone.start(Map.of(), rest);
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  standalone.close();
                  stopped.countDown();
                },
                "ipr-radar-shutdown"));
    String url = standalone.url();
    if (demo) {
      var result = DemoLoader.load(standalone.context().getBean(ListingIngestor.class));
      LOG.info(
          "Demo: {} listings accepted, {} rejected on purpose to show validation",
          result.accepted(),
          result.rejected());
    }
    LOG.info("IPR Radar is running at {} (Kafka at {})", url, standalone.bootstrapServers());
    LOG.info("Sign in:     {}/ as a demo account of README \"Sign in\" (e.g. supervisor)", url);
    LOG.info(
        "Token:       curl -s -H 'Content-Type: application/json' -d"
            + " '{\"username\":\"supervisor\",\"password\":\"supervisor-demo\"}' {}/login",
        url);
    LOG.info(
        "Post one:    curl -s -H 'Content-Type: application/json' -d @listing.json {}/api/v1/listings",
        url);
    stopped.await();
  }
}
