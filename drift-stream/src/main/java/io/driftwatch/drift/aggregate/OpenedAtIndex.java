package io.driftwatch.drift.aggregate;

import io.driftwatch.model.DriftAggregate;
import io.driftwatch.model.ResourceKey;
import java.time.Instant;

/**
 * Keys of the open-drift index: {@code <namespace key>/<openedAt, sortable>/<resource key>}. The
 * openedAt part sorts as the time does (the epoch second with its sign bit flipped, then the nanos,
 * both fixed-width hex), so the first key under a namespace's prefix is its oldest open drift, and
 * the key alone says everything: the stored value is empty.
 */
final class OpenedAtIndex {

  private static final int SECONDS_DIGITS = 16;
  private static final int NANOS_DIGITS = 8;

  private OpenedAtIndex() {}

  /** Every index key of the resource's cluster and namespace starts with this. */
  static String prefix(ResourceKey resource) {
    // The namespace key escapes '/' inside segments, so the trailing '/' ends it unambiguously.
    return DriftAggregate.oldestOpenKey(resource.cluster(), resource.namespace()) + '/';
  }

  static String key(ResourceKey resource, Instant openedAt) {
    return prefix(resource) + sortable(openedAt) + '/' + resource;
  }

  /** The openedAt encoded in an index key under {@code prefix}. */
  static Instant openedAt(String prefix, String key) {
    int at = prefix.length();
    long seconds =
        Long.parseUnsignedLong(key.substring(at, at + SECONDS_DIGITS), 16) ^ Long.MIN_VALUE;
    int nanos =
        Integer.parseInt(
            key.substring(at + SECONDS_DIGITS, at + SECONDS_DIGITS + NANOS_DIGITS), 16);
    return Instant.ofEpochSecond(seconds, nanos);
  }

  static String sortable(Instant openedAt) {
    return String.format(
        "%016x%08x", openedAt.getEpochSecond() ^ Long.MIN_VALUE, openedAt.getNano());
  }
}
