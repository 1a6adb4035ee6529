package io.driftwatch.drift.deploy;

import io.driftwatch.drift.ResourceSides;
import io.driftwatch.model.DeadLetter;
import io.driftwatch.model.DeploymentStatus;
import io.driftwatch.model.ResourceKey;
import java.time.Instant;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@link WorkloadPhaseMachine} to both sides of each resource against the persistent
 * workload store, and forwards the workload's status when it changed, keyed {@code
 * workload:<resource key>}, plus the change for its component's rollup, keyed by the component (and
 * a removal for the component it left). "Now" is the processing wall-clock time, as for drift
 * episodes, so lead times measure when driftwatch saw the workload healthy.
 */
final class WorkloadDeploymentProcessor
    implements Processor<ResourceKey, ResourceSides, String, DeploymentOutput> {

  private static final Logger LOG = LoggerFactory.getLogger(WorkloadDeploymentProcessor.class);

  private final String storeName;
  private final WorkloadPhaseMachine machine;
  private ProcessorContext<String, DeploymentOutput> context;
  private KeyValueStore<ResourceKey, WorkloadDeployment> store;

  WorkloadDeploymentProcessor(String storeName, WorkloadPhaseMachine machine) {
    this.storeName = storeName;
    this.machine = machine;
  }

  @Override
  public void init(ProcessorContext<String, DeploymentOutput> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<ResourceKey, ResourceSides> record) {
    ResourceKey key = record.key();
    if (key == null) {
      return;
    }
    Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    WorkloadDeployment previous = store.get(key);
    WorkloadPhaseMachine.Step step;
    try {
      step = machine.advance(key, previous, record.value(), now);
    } catch (KafkaException e) {
      throw e;
    } catch (RuntimeException e) {
      reject(record, key, e, now);
      return;
    }
    if (!step.stateChanged()) {
      return;
    }
    WorkloadDeployment next = step.next();
    if (next == null) {
      store.delete(key);
    } else {
      store.put(key, next);
    }
    if (!step.statusChanged()) {
      return;
    }
    String statusKey = DeploymentStatus.workloadKey(key);
    DeploymentStatus status = next == null ? null : next.status();
    forward(record, statusKey, new DeploymentOutput.StatusChange(status));
    ComponentIdentity left = previous == null ? null : previous.identity();
    ComponentIdentity joined = next == null ? null : next.identity();
    if (left != null && !left.equals(joined)) {
      forward(
          record,
          left.id(),
          new DeploymentOutput.Rollup(new WorkloadChange(left, statusKey, null)));
    }
    if (joined != null) {
      forward(
          record,
          joined.id(),
          new DeploymentOutput.Rollup(new WorkloadChange(joined, statusKey, status)));
    }
  }

  /**
   * A workload that cannot be assessed (its labels cannot be read) goes to the dead letters with
   * what is wrong, never a value from it; its last state stands and the stream goes on.
   */
  private void reject(
      Record<ResourceKey, ResourceSides> record, ResourceKey key, RuntimeException e, Instant now) {
    String reason =
        "Cannot assess the deployment status of "
            + key
            + ": "
            + (e instanceof WorkloadLabelException
                ? e.getMessage()
                : "unexpected " + e.getClass().getSimpleName());
    LOG.warn("{}; the workload keeps its last deployment status", reason);
    String origin = DeploymentStatus.workloadKey(key);
    forward(
        record,
        origin,
        new DeploymentOutput.Rejected(DeadLetter.of("drift-stream", origin, reason, now)));
  }

  private void forward(
      Record<ResourceKey, ResourceSides> record, String key, DeploymentOutput output) {
    context.forward(new Record<>(key, output, record.timestamp(), record.headers()));
  }
}
