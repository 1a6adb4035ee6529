package io.driftwatch.drift.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.drift.DriftTopology;
import io.driftwatch.drift.episode.DriftEpisode;
import io.driftwatch.model.DriftStatus;
import io.driftwatch.model.FieldDiff;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.serde.Json;
import io.driftwatch.model.topic.Topics;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * {@code GET /api/v1/resources/<resource key>?transitions=N}: one resource's current status, its
 * differences and its last N transitions, read from {@code drift-episode-store} and {@link
 * TransitionHistory#STORE} on the instance that owns the key. Both stores are in the same task, so
 * the owner of one is the owner of the other.
 */
final class ResourceRoute {

  /** The parameter giving how many transitions to return. */
  static final String TRANSITIONS = "transitions";

  /** How many transitions are returned unless {@value #TRANSITIONS} says otherwise. */
  static final int DEFAULT_TRANSITIONS = 10;

  static final int MAX_TRANSITIONS = 1000;

  private ResourceRoute() {}

  static KeyedRoute<ResourceKey> create() {
    return new KeyedRoute<>(
        DriftTopology.EPISODE_STORE,
        Topics.DRIFT_STATUS.keySerde().serializer(),
        ResourceRoute::parseKey,
        ResourceRoute::answer);
  }

  static ResourceKey parseKey(String text) {
    try {
      return ResourceKey.parse(text);
    } catch (IllegalArgumentException e) {
      throw new BadQueryException(
          e.getMessage()
              + ". Expected /api/v1/resources/<cluster>/<group>/<kind>/<namespace>/<name>, such as"
              + " prod/apps/Deployment/shop/web, prod//Service/shop/web (core group) or"
              + " prod//Namespace//shop (cluster-scoped)");
    }
  }

  private static Optional<ResourceAnswer> answer(
      StreamsInstance local, ResourceKey key, int partition, QueryParameters parameters) {
    int wanted = parameters.integer(TRANSITIONS, DEFAULT_TRANSITIONS, 0, MAX_TRANSITIONS);
    ReadOnlyKeyValueStore<ResourceKey, DriftEpisode> episodes =
        local.keyValueStore(DriftTopology.EPISODE_STORE, partition);
    ReadOnlyKeyValueStore<ResourceKey, RecentTransitions> histories =
        local.keyValueStore(TransitionHistory.STORE, partition);
    DriftEpisode episode = episodes.get(key);
    RecentTransitions history = histories.get(key);
    DriftStatus status = episode == null ? null : episode.status();
    if (status == null && history == null) {
      return Optional.empty();
    }
    List<FieldDiff> differences = status == null ? List.of() : status.diffs();
    ObjectNode statusNode = null;
    if (status != null) {
      statusNode = Json.mapper().valueToTree(status);
      statusNode.remove("diffs");
    }
    return Optional.of(
        new ResourceAnswer(
            key, statusNode, differences, history == null ? List.of() : history.newest(wanted)));
  }
}
