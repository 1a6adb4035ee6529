package io.driftwatch.drift.remediation;

import io.driftwatch.model.ResourceKey;
import java.time.Instant;

/**
 * The key of the due index: the due time as 19 zero-padded digits of epoch milliseconds, a space,
 * then the resource key. Fixed-width digits sort bytewise in time order, so the persistent store's
 * ordered iteration yields the due entries first and the punctuation stops at the first one that is
 * not due yet, instead of reading every tracked resource on every tick.
 */
final class DueKey {

  private static final int DIGITS = 19;

  private DueKey() {}

  static String of(Instant due, ResourceKey key) {
    long millis = Math.max(0L, due.toEpochMilli());
    return String.format("%0" + DIGITS + "d %s", millis, key);
  }

  /** The due time in epoch milliseconds of an index key written by {@link #of}. */
  static long dueMillis(String indexKey) {
    return Long.parseLong(indexKey.substring(0, DIGITS));
  }
}
