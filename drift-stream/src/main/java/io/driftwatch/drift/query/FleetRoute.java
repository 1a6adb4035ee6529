package io.driftwatch.drift.query;

import java.util.List;
import java.util.Objects;

/**
 * A fleet-wide query ({@code GET /api/v1/<collection>?…}): every instance hosting {@link #store()}
 * answers with the items from its own partitions, and the instance that was asked merges them,
 * sorted by {@link #sortField()}.
 *
 * @param store the store whose hosts are asked
 * @param itemsField the name of the answer's list, such as {@code resources}
 * @param sortField the JSON field of an item the merged list is sorted by (as text)
 * @param part reads this instance's items
 */
public record FleetRoute(String store, String itemsField, String sortField, LocalPart part) {

  public FleetRoute {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(itemsField, "itemsField");
    Objects.requireNonNull(sortField, "sortField");
    Objects.requireNonNull(part, "part");
  }

  /** Reads the items of this instance's partitions. */
  @FunctionalInterface
  public interface LocalPart {
    /**
     * @return the matching items (written as JSON), in any order
     * @throws BadQueryException when a parameter is malformed
     */
    List<?> items(StreamsInstance local, QueryParameters parameters);
  }
}
