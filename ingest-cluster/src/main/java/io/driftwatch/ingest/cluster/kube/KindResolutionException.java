package io.driftwatch.ingest.cluster.kube;

/**
 * A watched kind whose plural or scope could not be inferred; the message names the cluster, the
 * apiVersion and the kind and says to set {@code plural} and {@code namespaced}.
 */
public final class KindResolutionException extends Exception {

  public KindResolutionException(String message, Throwable cause) {
    super(message, cause);
  }
}
