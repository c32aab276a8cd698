package org.iprradar.alerts.app;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.iprradar.alerts.store.Visibility;
import org.iprradar.alerts.triage.IllegalTransitionException;
import org.iprradar.alerts.triage.TriageStateMachine;
import org.iprradar.common.kafka.KafkaSecurity;
import org.iprradar.common.kafka.KafkaSettings;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.Alert;
import org.iprradar.common.model.TriageAction;

/**
 * Accepts analysts' actions: checks them against the alert's current status and writes them to
 * {@code triage-actions}, from which the alerts topology updates the store. The check here is for
 * the analyst's benefit (an immediate 409); the topology checks again, because another action on
 * the same alert may be accepted between this check and the fold, and dead-letters the loser.
 */
@Singleton
public final class TriageService implements AutoCloseable {

  /** Longer than the producer's delivery timeout, so that its own error is what we report. */
  private static final Duration ACK_WAIT = Duration.ofSeconds(35);

  /** Request ids remembered per instance until the store shows their action; plenty for retries. */
  private static final int RECENT_REQUESTS = 10_000;

  private final AlertsService alerts;
  private final Producer<String, TriageAction> producer;
  private final Clock clock = Clock.systemUTC();

  /**
   * Actions with a request id this instance wrote, by alert id and request id: a retry that comes
   * before the store shows the first is answered from here rather than written again. Past this
   * window, and on other instances, the alert's history answers, and the fold drops a repeat that
   * still got through.
   */
  private final Map<String, TriageAction> recent =
      Collections.synchronizedMap(
          new LinkedHashMap<>() {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, TriageAction> eldest) {
              return size() > RECENT_REQUESTS;
            }
          });

  TriageService(
      AlertsService alerts,
      KafkaSecurity security,
      @Value("${kafka.bootstrap-servers}") String bootstrapServers,
      @Value("${ipr.kafka.partitions:3}") int partitions,
      @Value("${ipr.kafka.replication-factor:1}") short replicationFactor) {
    this.alerts = alerts;
    var kafka =
        new KafkaSettings(
            bootstrapServers, partitions, replicationFactor, security.clientOverrides());
    this.producer =
        new KafkaProducer<>(
            kafka.durableProducerConfig("ipr-radar-alerts-triage"),
            Topics.TRIAGE_ACTIONS.keySerde().serializer(),
            Topics.TRIAGE_ACTIONS.valueSerde().serializer());
  }

  /**
   * Writes the action once Kafka has acknowledged it. A request whose id the alert's history
   * already holds is not written again: the answer is the action as it was first accepted.
   *
   * @return the action as written, or as first accepted for a repeat
   * @throws UnknownAlertException when there is no such alert
   * @throws org.iprradar.common.model.InvalidFieldException when the request is incomplete or wrong
   * @throws IllegalTransitionException when the alert's status does not allow the action
   * @throws ActionNotStoredException when Kafka did not acknowledge it
   * @throws RequestIdReusedException when the request id was used for a different request
   */
  public TriageAction submit(String alertId, TriageRequest request) {
    return submit(alertId, request, null);
  }

  /**
   * Checks and writes the action of a caller who sees only {@code scope}: an alert outside it is
   * unknown to them, exactly as an alert that does not exist.
   *
   * @param scope null for a caller who sees every alert
   */
  public TriageAction submit(String alertId, TriageRequest request, Visibility scope) {
    Alert alert =
        alerts
            .queries()
            .find(alertId)
            .filter(a -> scope == null || scope.sees(a))
            .orElseThrow(() -> new UnknownAlertException(alertId));
    TriageAction action = request.toAction(alertId, clock.instant());
    // Before the status check: a repeat of an accepted ASSIGN must not be refused because the
    // alert is ASSIGNED now.
    String requestKey = action.requestId() == null ? null : alertId + "\n" + action.requestId();
    var first =
        alert
            .entryOfRequest(action.requestId())
            .map(e -> e.toAction(alertId))
            .or(() -> Optional.ofNullable(requestKey == null ? null : recent.get(requestKey)));
    if (first.isPresent()) {
      if (!first.get().sameRequest(action)) {
        throw new RequestIdReusedException(alertId, action.requestId());
      }
      return first.get();
    }
    if (TriageStateMachine.next(alert.status(), action.action()).isEmpty()) {
      throw new IllegalTransitionException(alertId, alert.status(), action.action());
    }
    try {
      producer
          .send(new ProducerRecord<>(Topics.TRIAGE_ACTIONS.name(), alertId, action))
          .get(ACK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ActionNotStoredException("interrupted while waiting for Kafka", e);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new ActionNotStoredException("Kafka did not take the action: " + cause, cause);
    }
    if (requestKey != null) {
      recent.put(requestKey, action);
    }
    return action;
  }

  @PreDestroy
  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
