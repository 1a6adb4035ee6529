package io.driftwatch.model;

import java.time.Instant;

/**
 * Who last set a field in the cluster, from the live object's {@code metadata.managedFields}: the
 * answer to "who changed it?" that a drift event carries.
 *
 * @param manager the field manager, such as {@code kubectl-edit}, {@code kube-controller-manager}
 *     or {@code helm}
 * @param operation {@code Apply} (server-side apply) or {@code Update}
 * @param time when that manager last changed the fields it owns, or null when the server did not
 *     say
 */
public record FieldOwner(String manager, String operation, Instant time) {}
