package io.driftwatch.drift.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The registry of query routes under {@code /api/v1/}: per collection name, a {@link KeyedRoute}
 * ({@code <collection>/<key>}) and/or a {@link FleetRoute} ({@code <collection>}). A store added to
 * the topology becomes queryable by registering its routes here; the HTTP handling, routing to the
 * owner, forwarding, merging and errors come with it.
 */
public final class QueryRoutes {

  /** {@code GET /api/v1/resources/<resource key>}: one resource's status and transitions. */
  public static final String RESOURCES = "resources";

  /** {@code GET /api/v1/drift?cluster=&namespace=&kind=&status=}: drifted resources. */
  public static final String DRIFT = "drift";

  /**
   * {@code GET /api/v1/deployments/<environment>/<project>/<component>} and {@code
   * /api/v1/deployments?environment=&project=&component=}: deployment status per component.
   */
  public static final String DEPLOYMENTS = "deployments";

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

  private final Map<String, KeyedRoute<?>> keyed = new LinkedHashMap<>();
  private final Map<String, FleetRoute> fleet = new LinkedHashMap<>();

  private QueryRoutes() {}

  /** No routes. */
  public static QueryRoutes empty() {
    return new QueryRoutes();
  }

  /**
   * drift-stream's routes: {@value #RESOURCES} (with {@link TransitionHistory}'s store), {@value
   * #DRIFT} and {@value #DEPLOYMENTS}.
   */
  public static QueryRoutes drift() {
    return empty()
        .keyed(RESOURCES, ResourceRoute.create())
        .fleet(DRIFT, DriftListRoute.create())
        .keyed(DEPLOYMENTS, DeploymentRoutes.keyed())
        .fleet(DEPLOYMENTS, DeploymentRoutes.fleet());
  }

  /**
   * Registers {@code GET /api/v1/<collection>/<key>}.
   *
   * @throws IllegalArgumentException when the name is not lower-case letters, digits and dashes, or
   *     is taken
   */
  public <K> QueryRoutes keyed(String collection, KeyedRoute<K> route) {
    checkName(collection, keyed.containsKey(collection));
    keyed.put(collection, route);
    return this;
  }

  /**
   * Registers {@code GET /api/v1/<collection>}.
   *
   * @throws IllegalArgumentException when the name is not lower-case letters, digits and dashes, or
   *     is taken
   */
  public QueryRoutes fleet(String collection, FleetRoute route) {
    checkName(collection, fleet.containsKey(collection));
    fleet.put(collection, route);
    return this;
  }

  Optional<KeyedRoute<?>> keyedRoute(String collection) {
    return Optional.ofNullable(keyed.get(collection));
  }

  Optional<FleetRoute> fleetRoute(String collection) {
    return Optional.ofNullable(fleet.get(collection));
  }

  /** Every path this registry answers, for telling a client what exists. */
  List<String> paths() {
    List<String> paths = new ArrayList<>();
    keyed.keySet().forEach(name -> paths.add(QueryHandler.PREFIX + name + "/{key}"));
    fleet.keySet().forEach(name -> paths.add(QueryHandler.PREFIX + name));
    return paths;
  }

  QueryRoutes copy() {
    QueryRoutes copy = new QueryRoutes();
    copy.keyed.putAll(keyed);
    copy.fleet.putAll(fleet);
    return copy;
  }

  private static void checkName(String collection, boolean taken) {
    if (collection == null || !NAME.matcher(collection).matches()) {
      throw new IllegalArgumentException(
          "Query collection name '"
              + collection
              + "' must be lower-case letters, digits and dashes, such as 'deployments'");
    }
    if (taken) {
      throw new IllegalArgumentException(
          "Query collection '"
              + collection
              + "' is registered twice: give the new one its own name");
    }
  }
}
