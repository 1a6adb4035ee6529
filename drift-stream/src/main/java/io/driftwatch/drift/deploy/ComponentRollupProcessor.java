package io.driftwatch.drift.deploy;

import io.driftwatch.model.DeadLetter;
import io.driftwatch.model.DeploymentEvent;
import io.driftwatch.model.DeploymentStatus;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@link ComponentRollup} to each workload change, read from the repartition topic keyed by
 * {@code <environment>/<project>/<component>}, against the persistent component store; forwards the
 * component's status when it changed (keyed {@code component:<environment>/<project>/<component>})
 * and its deployment events (keyed {@code <environment>/<project>/<component>}).
 */
final class ComponentRollupProcessor
    implements Processor<String, WorkloadChange, String, DeploymentOutput> {

  private static final Logger LOG = LoggerFactory.getLogger(ComponentRollupProcessor.class);

  private final String storeName;
  private ProcessorContext<String, DeploymentOutput> context;
  private KeyValueStore<String, ComponentDeployment> store;

  ComponentRollupProcessor(String storeName) {
    this.storeName = storeName;
  }

  @Override
  public void init(ProcessorContext<String, DeploymentOutput> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, WorkloadChange> record) {
    String id = record.key();
    WorkloadChange change = record.value();
    if (id == null || change == null || change.identity() == null) {
      return;
    }
    Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    ComponentDeployment previous = store.get(id);
    ComponentRollup.Step step = ComponentRollup.apply(previous, change, now);
    if (step.refused() != null) {
      LOG.warn("{}", step.refused());
      context.forward(
          record.withValue(
              new DeploymentOutput.Rejected(
                  DeadLetter.of("drift-stream", change.workloadKey(), step.refused(), now))));
      return;
    }
    if (step.next() == null) {
      store.delete(id);
    } else if (!step.next().equals(previous)) {
      store.put(id, step.next());
    }
    if (step.publish()) {
      context.forward(
          record
              .withKey(DeploymentStatus.COMPONENT_PREFIX + id)
              .withValue(new DeploymentOutput.StatusChange(step.status())));
    }
    for (DeploymentEvent event : step.events()) {
      context.forward(record.withValue(new DeploymentOutput.Completed(event)));
    }
  }
}
