package io.driftwatch.ingest.cluster.reconcile;

import io.driftwatch.ingest.cluster.normalize.MalformedObjectException;
import io.driftwatch.model.ReconcilerStatus;

/** The status rules of one family of reconciler kinds. */
interface KindNormalizer {

  /**
   * @throws MalformedObjectException when a list the rules walk has the wrong shape
   */
  ReconcilerStatus normalize(ObservedReconciler reconciler) throws MalformedObjectException;
}
