package io.driftwatch.drift.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.model.ResourceKey;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenedAtIndexTest {

  private static final ResourceKey WEB =
      ResourceKey.of("prod", "apps/v1", "Deployment", "shop", "web");

  @Test
  void keysSortAsTheirOpenedAtIncludingNanosAndTimesBefore1970() {
    List<Instant> times =
        List.of(
            Instant.parse("1969-12-31T23:59:59Z"),
            Instant.EPOCH,
            Instant.parse("2026-03-01T10:00:00Z"),
            Instant.parse("2026-03-01T10:00:00.000000001Z"),
            Instant.parse("2026-03-01T10:00:01Z"),
            Instant.parse("2200-01-01T00:00:00Z"));

    List<String> keys = times.stream().map(t -> OpenedAtIndex.key(WEB, t)).toList();

    assertThat(keys).isSortedAccordingTo(Comparator.naturalOrder());
    String prefix = OpenedAtIndex.prefix(WEB);
    assertThat(keys.stream().map(key -> OpenedAtIndex.openedAt(prefix, key)).toList())
        .isEqualTo(times);
  }

  @Test
  void aNamespaceIsNotAPrefixOfAnotherNamespace() {
    ResourceKey shop2 = ResourceKey.of("prod", "apps/v1", "Deployment", "shop2", "web");
    ResourceKey slashed = ResourceKey.of("prod", "apps/v1", "Deployment", "shop/x", "web");

    assertThat(OpenedAtIndex.key(shop2, Instant.EPOCH)).doesNotStartWith(OpenedAtIndex.prefix(WEB));
    assertThat(OpenedAtIndex.key(slashed, Instant.EPOCH))
        .doesNotStartWith(OpenedAtIndex.prefix(WEB));
  }
}
