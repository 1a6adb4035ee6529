package io.driftwatch.ingest.cluster.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.ingest.cluster.normalize.MalformedObjectException;
import io.driftwatch.model.ReconcilerStatus;
import io.driftwatch.model.ResourceKey;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a reconciler object as the API server returns it into its {@link ReconcilerStatus}, by the
 * rules of its tool: Flux, Argo CD or OpenChoreo. Any other object has none. A pure function of its
 * input and the clock; unknown fields are ignored.
 */
public final class ReconcilerStatusNormalizer {

  private static final KindNormalizer FLUX = new FluxStatusNormalizer();
  private static final KindNormalizer ARGO_CD = new ArgoApplicationNormalizer();
  private static final KindNormalizer OPENCHOREO = new OpenChoreoStatusNormalizer();

  private final Clock clock;

  public ReconcilerStatusNormalizer(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The reconciler kind of an observed object, whatever its version; empty for any other. */
  public static Optional<ReconcilerKind> kindOf(JsonNode object) {
    if (object == null || !object.isObject()) {
      return Optional.empty();
    }
    JsonNode apiVersion = object.get("apiVersion");
    JsonNode kind = object.get("kind");
    if (apiVersion == null || !apiVersion.isTextual() || kind == null || !kind.isTextual()) {
      return Optional.empty();
    }
    return ReconcilerKinds.find(ResourceKey.groupOf(apiVersion.asText()), kind.asText());
  }

  /**
   * The status of a reconciler object; empty when the object is not of a {@link ReconcilerKinds}
   * kind. The input is not modified.
   *
   * @throws MalformedObjectException when the object lacks its identity, or a list the rules walk
   *     (conditions, inventory, resources, history) has the wrong shape
   */
  public Optional<ReconcilerStatus> normalize(String cluster, JsonNode object)
      throws MalformedObjectException {
    Optional<ReconcilerKind> kind = kindOf(object);
    if (kind.isEmpty()) {
      return Optional.empty();
    }
    ObservedReconciler reconciler = ObservedReconciler.of(cluster, object, clock.instant());
    KindNormalizer rules =
        switch (kind.get().tool()) {
          case FLUX -> FLUX;
          case ARGO_CD -> ARGO_CD;
          case OPENCHOREO -> OPENCHOREO;
        };
    return Optional.of(rules.normalize(reconciler));
  }
}
