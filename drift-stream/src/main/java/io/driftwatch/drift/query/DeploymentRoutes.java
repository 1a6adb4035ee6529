package io.driftwatch.drift.query;

import io.driftwatch.drift.deploy.ComponentDeployment;
import io.driftwatch.drift.deploy.DeploymentTopology;
import io.driftwatch.model.DeploymentStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Deployment status per environment and component, from {@code deployment-component-store}:
 *
 * <ul>
 *   <li>{@code GET /api/v1/deployments/<environment>/<project>/<component>}: one component's
 *       rollout status (phase, health, revision, lead time, its workloads), answered by the
 *       instance that owns the component's partition of the rollup;
 *   <li>{@code GET /api/v1/deployments?environment=&project=&component=}: every component's status,
 *       filtered, merged across instances.
 * </ul>
 */
final class DeploymentRoutes {

  static final String ENVIRONMENT = "environment";
  static final String PROJECT = "project";
  static final String COMPONENT = "component";

  private DeploymentRoutes() {}

  static KeyedRoute<String> keyed() {
    return new KeyedRoute<>(
        DeploymentTopology.COMPONENT_STORE,
        new StringSerializer(),
        DeploymentRoutes::parse,
        (local, id, partition, parameters) -> {
          ReadOnlyKeyValueStore<String, ComponentDeployment> store =
              local.keyValueStore(DeploymentTopology.COMPONENT_STORE, partition);
          ComponentDeployment component = store.get(id);
          return Optional.ofNullable(component == null ? null : component.status());
        });
  }

  static FleetRoute fleet() {
    return new FleetRoute(
        DeploymentTopology.COMPONENT_STORE, "components", "component", DeploymentRoutes::items);
  }

  private static List<DeploymentStatus> items(StreamsInstance local, QueryParameters parameters) {
    Optional<String> environment = parameters.string(ENVIRONMENT);
    Optional<String> project = parameters.string(PROJECT);
    Optional<String> component = parameters.string(COMPONENT);
    ReadOnlyKeyValueStore<String, ComponentDeployment> store =
        local.keyValueStore(DeploymentTopology.COMPONENT_STORE);
    List<DeploymentStatus> items = new ArrayList<>();
    try (KeyValueIterator<String, ComponentDeployment> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, ComponentDeployment> entry = all.next();
        DeploymentStatus status = entry.value == null ? null : entry.value.status();
        if (status == null
            || environment.filter(e -> !e.equals(status.environment())).isPresent()
            || project.filter(p -> !p.equals(status.project())).isPresent()
            || component.filter(c -> !c.equals(status.component())).isPresent()) {
          continue;
        }
        items.add(status);
      }
    }
    return items;
  }

  private static String parse(String text) {
    String[] parts = text.split("/", -1);
    if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
      throw new BadQueryException(
          "'"
              + text
              + "' is not a component in an environment: write <environment>/<project>/<component>,"
              + " e.g. production/shop/web");
    }
    return text;
  }
}
