package io.driftwatch.drift.deploy;

import io.driftwatch.drift.ResourceSides;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.serde.JsonSerde;
import io.driftwatch.model.topic.Topics;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Adds deployment status to a topology, from the stream of both sides of each resource: workload
 * phases in {@value #WORKLOAD_STORE}, re-keyed by component through the repartition topic {@value
 * #REPARTITION}, rolled up in {@value #COMPONENT_STORE}; statuses to {@code
 * gitops.deployment-status.v1}, deployment events to {@code gitops.deployment-events.v1}, workloads
 * whose labels cannot be read to {@code gitops.dead-letter.v1}. Every node, store and internal
 * topic is named here: a generated name would shift when an operator is added and orphan state on
 * upgrade.
 */
public final class DeploymentTopology {

  public static final String WORKLOAD_PROCESSOR = "deployment-workload-processor";

  /** Workload phases: {@code ResourceKey} → {@link WorkloadDeployment}. */
  public static final String WORKLOAD_STORE = "deployment-workload-store";

  public static final String WORKLOAD_SPLIT = "deployment-workload-output-";
  public static final String WORKLOAD_STATUS_BRANCH = "status";
  public static final String ROLLUP_BRANCH = "rollup";
  public static final String REJECTED_BRANCH = "rejected";
  public static final String WORKLOAD_STATUS_VALUE = "deployment-workload-status-value";
  public static final String WORKLOAD_STATUS_SINK = "deployment-workload-status-sink";
  public static final String ROLLUP_VALUE = "deployment-rollup-value";

  /**
   * The repartition topic, keyed {@code <environment>/<project>/<component>}; Kafka Streams
   * prefixes it with the application id and suffixes {@code -repartition}.
   */
  public static final String REPARTITION = "deployment-by-component";

  public static final String COMPONENT_PROCESSOR = "deployment-component-processor";

  /**
   * Component rollups: {@code String} ({@code <environment>/<project>/<component>}) → {@link
   * ComponentDeployment}, whose {@code status()} is the component's current {@code
   * DeploymentStatus}.
   */
  public static final String COMPONENT_STORE = "deployment-component-store";

  public static final String COMPONENT_SPLIT = "deployment-component-output-";
  public static final String COMPONENT_STATUS_BRANCH = "status";
  public static final String EVENT_BRANCH = "event";
  public static final String COMPONENT_STATUS_VALUE = "deployment-component-status-value";
  public static final String COMPONENT_STATUS_SINK = "deployment-component-status-sink";
  public static final String EVENT_VALUE = "deployment-event-value";
  public static final String EVENTS_SINK = "deployment-events-sink";
  public static final String REJECTED_VALUE = "deployment-rejected-value";
  public static final String REJECTED_SINK = "deployment-dead-letter-sink";
  public static final String COMPONENT_REJECTED_BRANCH = "rejected";
  public static final String COMPONENT_REJECTED_VALUE = "deployment-component-rejected-value";
  public static final String COMPONENT_REJECTED_SINK = "deployment-component-dead-letter-sink";

  private DeploymentTopology() {}

  /**
   * Adds the deployment-status stages to {@code builder}, fed by {@code sides} (the desired ⟗ live
   * join, keyed by resource key).
   */
  public static void attach(
      StreamsBuilder builder,
      KStream<ResourceKey, ResourceSides> sides,
      DeploymentSettings settings) {
    Objects.requireNonNull(builder, "builder");
    Objects.requireNonNull(sides, "sides");
    WorkloadPhaseMachine machine = new WorkloadPhaseMachine(settings);
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(WORKLOAD_STORE),
            Topics.LIVE_STATE.keySerde(),
            JsonSerde.of(WorkloadDeployment.class)));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(COMPONENT_STORE),
            Serdes.String(),
            JsonSerde.of(ComponentDeployment.class)));

    sides
        .<String, DeploymentOutput>process(
            () -> new WorkloadDeploymentProcessor(WORKLOAD_STORE, machine),
            Named.as(WORKLOAD_PROCESSOR),
            WORKLOAD_STORE)
        .split(Named.as(WORKLOAD_SPLIT))
        .branch(
            (key, output) -> output instanceof DeploymentOutput.StatusChange,
            Branched.withConsumer(
                statuses -> publishStatuses(statuses, WORKLOAD_STATUS_VALUE, WORKLOAD_STATUS_SINK),
                WORKLOAD_STATUS_BRANCH))
        .branch(
            (key, output) -> output instanceof DeploymentOutput.Rollup,
            Branched.withConsumer(DeploymentTopology::rollUp, ROLLUP_BRANCH))
        .branch(
            (key, output) -> output instanceof DeploymentOutput.Rejected,
            Branched.withConsumer(
                rejected -> deadLetters(rejected, REJECTED_VALUE, REJECTED_SINK), REJECTED_BRANCH))
        .noDefaultBranch();
  }

  private static void rollUp(KStream<String, DeploymentOutput> rollups) {
    rollups
        .mapValues(output -> ((DeploymentOutput.Rollup) output).change(), Named.as(ROLLUP_VALUE))
        .repartition(
            Repartitioned.with(Serdes.String(), JsonSerde.of(WorkloadChange.class))
                .withName(REPARTITION))
        .<String, DeploymentOutput>process(
            () -> new ComponentRollupProcessor(COMPONENT_STORE),
            Named.as(COMPONENT_PROCESSOR),
            COMPONENT_STORE)
        .split(Named.as(COMPONENT_SPLIT))
        .branch(
            (key, output) -> output instanceof DeploymentOutput.StatusChange,
            Branched.withConsumer(
                statuses ->
                    publishStatuses(statuses, COMPONENT_STATUS_VALUE, COMPONENT_STATUS_SINK),
                COMPONENT_STATUS_BRANCH))
        .branch(
            (key, output) -> output instanceof DeploymentOutput.Completed,
            Branched.withConsumer(
                events ->
                    events
                        .mapValues(
                            output -> ((DeploymentOutput.Completed) output).event(),
                            Named.as(EVENT_VALUE))
                        .to(
                            Topics.DEPLOYMENT_EVENTS.name(),
                            Produced.with(
                                    Topics.DEPLOYMENT_EVENTS.keySerde(),
                                    Topics.DEPLOYMENT_EVENTS.valueSerde())
                                .withName(EVENTS_SINK)),
                EVENT_BRANCH))
        .branch(
            (key, output) -> output instanceof DeploymentOutput.Rejected,
            Branched.withConsumer(
                rejected ->
                    deadLetters(rejected, COMPONENT_REJECTED_VALUE, COMPONENT_REJECTED_SINK),
                COMPONENT_REJECTED_BRANCH))
        .noDefaultBranch();
  }

  private static void publishStatuses(
      KStream<String, DeploymentOutput> statuses, String valueName, String sinkName) {
    statuses
        .mapValues(output -> ((DeploymentOutput.StatusChange) output).status(), Named.as(valueName))
        .to(
            Topics.DEPLOYMENT_STATUS.name(),
            Produced.with(
                    Topics.DEPLOYMENT_STATUS.keySerde(), Topics.DEPLOYMENT_STATUS.valueSerde())
                .withName(sinkName));
  }

  private static void deadLetters(
      KStream<String, DeploymentOutput> rejected, String valueName, String sinkName) {
    rejected
        .mapValues(output -> ((DeploymentOutput.Rejected) output).deadLetter(), Named.as(valueName))
        .to(
            Topics.DEAD_LETTER.name(),
            Produced.with(Topics.DEAD_LETTER.keySerde(), Topics.DEAD_LETTER.valueSerde())
                .withName(sinkName));
  }
}
