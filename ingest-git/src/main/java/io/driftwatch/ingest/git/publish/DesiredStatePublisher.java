package io.driftwatch.ingest.git.publish;

import io.driftwatch.ingest.git.render.DesiredSet;
import io.driftwatch.ingest.git.render.RenderError;
import io.driftwatch.ingest.git.render.RenderedManifest;
import io.driftwatch.ingest.git.repo.ResolvedCommit;
import io.driftwatch.model.CommitRecord;
import io.driftwatch.model.DeadLetter;
import io.driftwatch.model.DesiredState;
import io.driftwatch.model.KafkaSettings;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.SourceOrigin;
import io.driftwatch.model.SourcePhase;
import io.driftwatch.model.SourceStatus;
import io.driftwatch.model.topic.Topic;
import io.driftwatch.model.topic.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes one source's commits: the objects that changed since the source last published, a
 * tombstone for each object it no longer declares, a dead-letter record per render error, the
 * commit's record on {@code gitops.commits.v1}, and the source's status. Each commit is one Kafka
 * transaction ({@code transactional.id} per source), so a read_committed reader such as
 * drift-stream sees a commit whole or not at all; a second instance publishing the same source
 * fences the first.
 */
public final class DesiredStatePublisher implements AutoCloseable {

  /** The stage named in dead-letter records. */
  public static final String STAGE = "ingest-git";

  private final String sourceId;
  private final KafkaSettings kafka;
  private final Clock clock;
  private Map<ResourceKey, PublishedObject> published;
  private Producer<byte[], byte[]> producer;
  private Instant lastSuccessAt;
  private int consecutiveFailures;
  private String syncedMessage;

  /**
   * @param published what the source last published, as {@link PublishedStateLoader} rebuilt it
   */
  public DesiredStatePublisher(
      String sourceId,
      KafkaSettings kafka,
      Map<ResourceKey, PublishedObject> published,
      Clock clock) {
    this(sourceId, kafka, published, null, clock);
  }

  /**
   * @param published what the source last published, as {@link PublishedStateLoader} rebuilt it
   * @param lastStatus the source's last status on the topic, or null: its success time and failure
   *     count carry on from there
   */
  public DesiredStatePublisher(
      String sourceId,
      KafkaSettings kafka,
      Map<ResourceKey, PublishedObject> published,
      SourceStatus lastStatus,
      Clock clock) {
    this.sourceId = sourceId;
    this.kafka = kafka;
    this.clock = clock;
    this.published = Map.copyOf(published);
    if (lastStatus != null) {
      this.lastSuccessAt = lastStatus.lastSuccessAt();
      this.consecutiveFailures = Math.max(0, lastStatus.consecutiveFailures());
    }
  }

  /** The transactional.id of a source's producer. */
  public static String transactionalId(String sourceId) {
    return "driftwatch-ingest-git-" + sourceId;
  }

  /** What the source holds on the topic now. */
  public Map<ResourceKey, PublishedObject> published() {
    return published;
  }

  /** Says that the source is rendering a new commit: its set of objects is incomplete. */
  public void rendering(String commit) {
    sendStatus(SourcePhase.RENDERING, commit, published.size(), null);
  }

  /**
   * Says that the source failed; its previously published objects stand. Counts the failure even
   * when the status cannot be sent.
   */
  public void failed(String revision, String message) {
    consecutiveFailures++;
    sendStatus(SourcePhase.FAILED, revision, published.size(), message);
  }

  /**
   * Says that a fetch found the ref still at the commit this publisher last published: the source
   * is SYNCED as of now, which keeps its last-success time fresh.
   */
  public void stillSynced(String commit) {
    Instant now = clock.instant();
    SourceStatus status =
        status(SourcePhase.SYNCED, commit, published.size(), syncedMessage, now)
            .withHistory(now, 0);
    inTransaction(
        producer -> send(producer, Topics.SOURCE_STATUS, SourceStatus.gitSource(sourceId), status));
    lastSuccessAt = now;
    consecutiveFailures = 0;
  }

  /** When the source last synced, or null when it never has. */
  public Instant lastSuccessAt() {
    return lastSuccessAt;
  }

  /** How many attempts in a row have failed; 0 after a success. */
  public int consecutiveFailures() {
    return consecutiveFailures;
  }

  /**
   * Publishes one commit's changes, dead letters, its commit record and the SYNCED status in one
   * transaction, and remembers the new state once it is committed.
   *
   * @throws KafkaException when the transaction could not be committed; nothing of it is visible
   *     and the state is unchanged, so the next poll tries the whole commit again
   */
  public PublishOutcome publish(ResolvedCommit resolved, DesiredSet desired) {
    return publish(resolved, desired, List.of(), null);
  }

  /**
   * Publishes one commit as {@link #publish(ResolvedCommit, DesiredSet)} does, with more problems
   * found in it and a note for its SYNCED status. A fleet source uses them for what it found while
   * reading the sources the commit declares: each problem is a dead letter like a render error, but
   * does not keep the objects of its file from being withdrawn (the file did render).
   *
   * @param problems more dead letters, each naming a file of the commit
   * @param note appended to the SYNCED status message, or null
   */
  public PublishOutcome publish(
      ResolvedCommit resolved, DesiredSet desired, List<RenderError> problems, String note) {
    String commit = resolved.sha();
    ChangePlan plan = ChangePlanner.plan(published, desired);
    Instant now = clock.instant();
    String message = withNote(syncedMessage(desired), note);
    List<RenderError> deadLetters = new ArrayList<>(desired.errors());
    deadLetters.addAll(problems);
    inTransaction(
        producer -> {
          for (Map.Entry<ResourceKey, RenderedManifest> upsert : plan.upserts().entrySet()) {
            RenderedManifest rendered = upsert.getValue();
            send(
                producer,
                Topics.DESIRED_STATE,
                upsert.getKey(),
                DesiredState.of(
                    upsert.getKey(),
                    sourceId,
                    commit,
                    resolved.commitTime(),
                    rendered.path(),
                    rendered.manifest(),
                    resolved.author(),
                    resolved.subject(),
                    resolved.signature()));
          }
          for (ResourceKey gone : plan.tombstones()) {
            send(producer, Topics.DESIRED_STATE, gone, null);
          }
          for (RenderError error : deadLetters) {
            String origin = sourceId + "@" + commit + ":" + error.path();
            send(
                producer,
                Topics.DEAD_LETTER,
                origin,
                DeadLetter.of(STAGE, origin, error.reason(), now));
          }
          send(
              producer,
              Topics.COMMITS,
              CommitRecord.key(sourceId, commit),
              CommitRecord.of(
                  sourceId,
                  commit,
                  resolved.author(),
                  resolved.commitTime(),
                  resolved.subject(),
                  resolved.signature(),
                  resolved.parents()));
          send(
              producer,
              Topics.SOURCE_STATUS,
              SourceStatus.gitSource(sourceId),
              status(SourcePhase.SYNCED, commit, plan.next().size(), message, now)
                  .withHistory(now, 0));
        });
    published = plan.next();
    lastSuccessAt = now;
    consecutiveFailures = 0;
    syncedMessage = message;
    return new PublishOutcome(
        plan.upserts().size(),
        plan.tombstones().size(),
        plan.retained().size(),
        deadLetters.size(),
        plan.next().size());
  }

  /**
   * Withdraws the source as a whole, because nothing declares it any more (a fleet commit removed
   * the Kustomization or Application): a tombstone for every object it holds and for its status, in
   * one transaction, as Flux and Argo CD prune what a removed reconciler applied.
   *
   * @return how many objects were withdrawn
   * @throws KafkaException when the transaction could not be committed; nothing is withdrawn
   */
  public int withdraw() {
    Map<ResourceKey, PublishedObject> held = published;
    inTransaction(
        producer -> {
          for (ResourceKey key : held.keySet()) {
            send(producer, Topics.DESIRED_STATE, key, null);
          }
          send(producer, Topics.SOURCE_STATUS, SourceStatus.gitSource(sourceId), null);
        });
    published = Map.of();
    return held.size();
  }

  /**
   * The success and failure history this publisher carries, as a status that a publisher taking
   * over the source can start from.
   */
  public SourceStatus history() {
    return status(SourcePhase.SYNCED, null, published.size(), null, clock.instant())
        .withHistory(lastSuccessAt, consecutiveFailures);
  }

  private static String withNote(String message, String note) {
    if (note == null || note.isBlank()) {
      return message;
    }
    return message == null ? note : message + "; " + note;
  }

  private static String syncedMessage(DesiredSet desired) {
    if (desired.errors().isEmpty()) {
      return null;
    }
    long files = desired.errors().stream().map(RenderError::path).distinct().count();
    return files
        + (files == 1 ? " file" : " files")
        + " could not be rendered (see "
        + Topics.DEAD_LETTER.name()
        + "); objects from them keep their last published state";
  }

  private void sendStatus(SourcePhase phase, String revision, long count, String message) {
    SourceStatus status =
        status(phase, revision, count, message, clock.instant())
            .withHistory(lastSuccessAt, consecutiveFailures);
    inTransaction(
        producer -> send(producer, Topics.SOURCE_STATUS, SourceStatus.gitSource(sourceId), status));
  }

  private SourceStatus status(
      SourcePhase phase, String revision, long count, String message, Instant at) {
    return SourceStatus.of(
        SourceStatus.gitSource(sourceId), SourceOrigin.GIT, phase, revision, count, at, message);
  }

  private void inTransaction(java.util.function.Consumer<Producer<byte[], byte[]>> body) {
    Producer<byte[], byte[]> p = producer();
    try {
      p.beginTransaction();
      body.accept(p);
      // commitTransaction flushes every send first and fails if any of them failed.
      p.commitTransaction();
    } catch (KafkaException e) {
      try {
        p.abortTransaction();
      } catch (KafkaException | IllegalStateException ignored) {
        // Fenced or broken: the producer is discarded below either way.
      }
      closeProducer();
      throw e;
    }
  }

  private static <K, V> void send(
      Producer<byte[], byte[]> producer, Topic<K, V> topic, K key, V value) {
    producer.send(
        new ProducerRecord<>(
            topic.name(),
            topic.keySerde().serializer().serialize(topic.name(), key),
            topic.valueSerde().serializer().serialize(topic.name(), value)));
  }

  private Producer<byte[], byte[]> producer() {
    if (producer == null) {
      Properties props = kafka.clientConfig();
      props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
      props.put(ProducerConfig.ACKS_CONFIG, "all");
      props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId(sourceId));
      props.put(ProducerConfig.CLIENT_ID_CONFIG, transactionalId(sourceId));
      Producer<byte[], byte[]> created =
          new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
      try {
        created.initTransactions();
      } catch (KafkaException e) {
        created.close(java.time.Duration.ZERO);
        throw e;
      }
      producer = created;
    }
    return producer;
  }

  private void closeProducer() {
    if (producer != null) {
      producer.close(java.time.Duration.ofSeconds(5));
      producer = null;
    }
  }

  @Override
  public void close() {
    closeProducer();
  }
}
