package org.iprradar.ingest.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.iprradar.common.json.Json;
import org.iprradar.common.kafka.KafkaSettings;
import org.iprradar.ingest.http.Feed;
import org.iprradar.ingest.http.FeedIngestor;
import org.iprradar.ingest.http.RecordResult;
import org.iprradar.ingest.validate.RawRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads one NDJSON or CSV file into a feed in batches, through the same validation and producer as
 * HTTP. Rejected records go to {@code FILE.rejected.ndjson} with their line and reasons. After
 * Kafka acknowledged a batch, {@code FILE.checkpoint} records how far the load got.
 *
 * <p>Resuming sends no record twice: records before the checkpoint are skipped, and each record
 * carries its load id and position in headers, so the records of a batch that Kafka took but the
 * checkpoint missed (an interruption in between) are found in the topic and skipped too.
 */
public final class FileLoader {

  private static final Logger LOG = LoggerFactory.getLogger(FileLoader.class);
  public static final String LOAD_ID_HEADER = "ipr.load-id";
  public static final String LOAD_RECORD_HEADER = "ipr.load-record";

  private final FeedIngestor ingestor;
  private final KafkaSettings kafka;
  private final Feed<?> feed;
  private final HeaderMapping mapping;
  private final int batchSize;
  private final Consumer<LoadProgress> onBatch;

  /**
   * @param onBatch told after Kafka acknowledged each batch, before the checkpoint is written
   */
  public FileLoader(
      FeedIngestor ingestor,
      KafkaSettings kafka,
      Feed<?> feed,
      HeaderMapping mapping,
      int batchSize,
      Consumer<LoadProgress> onBatch) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("the batch size must be at least 1, was " + batchSize);
    }
    this.ingestor = ingestor;
    this.kafka = kafka;
    this.feed = feed;
    this.mapping = mapping;
    this.batchSize = batchSize;
    this.onBatch = onBatch;
  }

  public static Path rejectedPathFor(Path file) {
    return file.resolveSibling(file.getFileName() + ".rejected.ndjson");
  }

  /**
   * Loads the file, or the rest of it after an interruption.
   *
   * @throws ExecutionException when Kafka did not acknowledge a batch; run again to resume
   */
  public LoadProgress load(Path file) throws IOException, InterruptedException, ExecutionException {
    long started = System.nanoTime();
    Path checkpointPath = Checkpoint.pathFor(file);
    Path rejectedPath = rejectedPathFor(file);
    long fileSize = Files.size(file);
    Checkpoint checkpoint;
    Set<Integer> alreadySent;
    if (Files.exists(checkpointPath)) {
      checkpoint = Checkpoint.read(checkpointPath);
      if (!checkpoint.topic().equals(feed.topic().name())) {
        throw new IllegalStateException(
            file + " was being loaded into " + checkpoint.topic() + ", not " + feed.topic().name());
      }
      if (checkpoint.complete()) {
        LOG.info("{} is already loaded; delete {} to load it again", file, checkpointPath);
        return new LoadProgress(
            checkpoint.recordsDone(), 0, 0, 0, fileSize, fileSize, Duration.ZERO, 0);
      }
      truncate(rejectedPath, checkpoint.rejectedBytes());
      alreadySent = sentAfter(checkpoint);
      LOG.info(
          "Resuming {} after record {}; {} later records are already in Kafka",
          file,
          checkpoint.recordsDone(),
          alreadySent.size());
    } else {
      checkpoint =
          new Checkpoint(
              UUID.randomUUID().toString(), feed.topic().name(), 0, 0, endOffsets(), false);
      checkpoint.write(checkpointPath);
      Files.deleteIfExists(rejectedPath);
      alreadySent = Set.of();
    }

    long accepted = 0;
    long duplicates = 0;
    long rejected = 0;
    long records = checkpoint.recordsDone();
    long thisRun = 0;
    var offsets = new HashMap<>(checkpoint.offsets());
    String loadId = checkpoint.loadId();
    try (var source = RecordSource.open(file, mapping);
        OutputStream side =
            Files.newOutputStream(
                rejectedPath, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      var batch = new ArrayList<SourceRecord>(batchSize);
      SourceRecord next = source.next();
      while (next != null) {
        if (next.raw().index() >= checkpoint.recordsDone()) {
          batch.add(next);
        }
        SourceRecord following = source.next();
        if (batch.size() == batchSize || (following == null && !batch.isEmpty())) {
          var toSend = new ArrayList<RawRecord>();
          var original = new HashMap<Integer, String>();
          for (SourceRecord r : batch) {
            if (alreadySent.contains(r.raw().index())) {
              accepted++;
            } else {
              toSend.add(r.raw());
              original.put(r.raw().index(), r.original());
            }
          }
          if (!toSend.isEmpty()) {
            var outcome =
                ingestor
                    .ingest(
                        feed,
                        toSend,
                        Map.of(),
                        r ->
                            Map.of(
                                LOAD_ID_HEADER,
                                loadId,
                                LOAD_RECORD_HEADER,
                                String.valueOf(r.index())))
                    .get();
            for (var sent : outcome.sent()) {
              offsets.merge(sent.metadata().partition(), sent.metadata().offset() + 1, Math::max);
            }
            for (RecordResult result : outcome.response().results()) {
              if (RecordResult.REJECTED.equals(result.status())) {
                writeRejected(side, result, original.get(result.index()));
              }
            }
            side.flush();
            accepted += outcome.response().accepted();
            duplicates += outcome.response().duplicates();
            rejected += outcome.response().rejected();
          }
          SourceRecord last = batch.get(batch.size() - 1);
          records = last.raw().index() + 1L;
          thisRun += batch.size();
          var progress =
              new LoadProgress(
                  records,
                  accepted,
                  duplicates,
                  rejected,
                  last.position(),
                  fileSize,
                  Duration.ofNanos(System.nanoTime() - started),
                  thisRun);
          onBatch.accept(progress);
          new Checkpoint(
                  loadId, feed.topic().name(), records, Files.size(rejectedPath), offsets, false)
              .write(checkpointPath);
          batch.clear();
        }
        next = following;
      }
    }
    new Checkpoint(loadId, feed.topic().name(), records, Files.size(rejectedPath), offsets, true)
        .write(checkpointPath);
    return new LoadProgress(
        records,
        accepted,
        duplicates,
        rejected,
        fileSize,
        fileSize,
        Duration.ofNanos(System.nanoTime() - started),
        thisRun);
  }

  private static void writeRejected(OutputStream side, RecordResult result, String original)
      throws IOException {
    ObjectNode line = Json.mapper().createObjectNode();
    if (result.line() != null) {
      line.put("line", result.line());
    }
    line.put("record", original);
    line.set("errors", Json.mapper().valueToTree(result.errors()));
    side.write(Json.mapper().writeValueAsBytes(line));
    side.write('\n');
  }

  private static void truncate(Path path, long size) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (var channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
      channel.truncate(size);
    }
  }

  private KafkaConsumer<byte[], byte[]> consumer() {
    Map<String, Object> config = new HashMap<>(kafka.clientConfig());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer) {
    return consumer.partitionsFor(feed.topic().name()).stream()
        .map(p -> new TopicPartition(p.topic(), p.partition()))
        .toList();
  }

  private Map<Integer, Long> endOffsets() {
    try (var consumer = consumer()) {
      var ends = new HashMap<Integer, Long>();
      consumer.endOffsets(partitions(consumer)).forEach((tp, o) -> ends.put(tp.partition(), o));
      return ends;
    }
  }

  /** The positions of this load's records written after the checkpoint's offsets. */
  private Set<Integer> sentAfter(Checkpoint checkpoint) {
    var found = new HashSet<Integer>();
    try (var consumer = consumer()) {
      var partitions = partitions(consumer);
      consumer.assign(partitions);
      for (TopicPartition tp : partitions) {
        Long from = checkpoint.offsets().get(tp.partition());
        if (from == null) {
          consumer.seekToBeginning(List.of(tp));
        } else {
          consumer.seek(tp, from);
        }
      }
      var end = consumer.endOffsets(partitions);
      byte[] id = checkpoint.loadId().getBytes(StandardCharsets.UTF_8);
      while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
        for (var record : consumer.poll(Duration.ofMillis(500))) {
          Header loadId = record.headers().lastHeader(LOAD_ID_HEADER);
          Header position = record.headers().lastHeader(LOAD_RECORD_HEADER);
          if (loadId != null && position != null && java.util.Arrays.equals(loadId.value(), id)) {
            found.add(Integer.parseInt(new String(position.value(), StandardCharsets.UTF_8)));
          }
        }
      }
    }
    return found;
  }
}
