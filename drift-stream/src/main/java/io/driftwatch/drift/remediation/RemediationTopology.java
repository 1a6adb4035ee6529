package io.driftwatch.drift.remediation;

import io.driftwatch.model.DriftEvent;
import io.driftwatch.model.RemediationRequest;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.serde.JsonSerde;
import io.driftwatch.model.topic.Topics;
import java.time.Duration;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * Attaches remediation to a topology: drift transitions in, {@link RemediationRequest}s out on
 * {@code gitops.remediation-requests.v1}. The names of its node, stores and sink are fixed here,
 * because a renamed store loses its state (and so its attempt counts) on upgrade. The shape does
 * not depend on the policy: detect-only runs the same nodes, which then store and emit nothing, so
 * turning rules on later needs no topology change.
 */
public final class RemediationTopology {

  /** The processor that runs the planner. */
  public static final String PROCESSOR = "remediation-processor";

  /** One {@link RemediationState} per resource with a remediation in progress or cooling down. */
  public static final String STATE_STORE = "remediation-state-store";

  /** The due index: due time + resource key → resource key, for the punctuation. */
  public static final String DUE_STORE = "remediation-due-store";

  /** The sink to {@code gitops.remediation-requests.v1}. */
  public static final String SINK = "remediation-requests-sink";

  private RemediationTopology() {}

  /**
   * Adds the remediation processor, its two stores and its sink.
   *
   * @param transitions the drift transitions ({@code gitops.drift-events.v1} values), keyed by
   *     resource key
   * @param desiredStoreName the store the DSL materialised the desired KTable in ({@code
   *     Materialized.as(name)}): rules' label selectors match the labels of the desired manifest
   * @param tickInterval how often due attempts are looked for (wall-clock time)
   * @return the requests, for further consumers such as the audit trail
   */
  public static KStream<ResourceKey, RemediationRequest> attach(
      StreamsBuilder builder,
      KStream<ResourceKey, DriftEvent> transitions,
      String desiredStoreName,
      RemediationPolicy policy,
      RemediationBackoff backoff,
      Duration tickInterval) {
    Objects.requireNonNull(desiredStoreName, "desired store name");
    RemediationSettings settings = new RemediationSettings(policy, backoff, tickInterval);
    RemediationPlanner planner = new RemediationPlanner(settings.policy(), settings.backoff());
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(STATE_STORE),
            Topics.REMEDIATION_REQUESTS.keySerde(),
            JsonSerde.of(RemediationState.class)));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(DUE_STORE),
            Serdes.String(),
            Topics.REMEDIATION_REQUESTS.keySerde()));
    KStream<ResourceKey, RemediationRequest> requests =
        transitions.process(
            () ->
                new RemediationProcessor(
                    planner, STATE_STORE, DUE_STORE, desiredStoreName, settings.tickInterval()),
            Named.as(PROCESSOR),
            STATE_STORE,
            DUE_STORE,
            desiredStoreName);
    requests.to(
        Topics.REMEDIATION_REQUESTS.name(),
        Produced.with(
                Topics.REMEDIATION_REQUESTS.keySerde(), Topics.REMEDIATION_REQUESTS.valueSerde())
            .withName(SINK));
    return requests;
  }
}
