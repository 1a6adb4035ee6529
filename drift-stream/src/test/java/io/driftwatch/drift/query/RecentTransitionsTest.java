package io.driftwatch.drift.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.model.DriftEvent;
import io.driftwatch.model.DriftTransition;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.serde.JsonSerde;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentTransitionsTest {

  private static final ResourceKey WEB =
      ResourceKey.of("prod", "apps/v1", "Deployment", "shop", "web");
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void keepsOnlyTheLastTransitionsOldestFirst() {
    RecentTransitions history = RecentTransitions.empty();
    for (int i = 0; i < 5; i++) {
      history = history.with(event(i), 3);
    }

    assertThat(history.transitions())
        .extracting(DriftEvent::at)
        .containsExactly(at(2), at(3), at(4));
    assertThat(history.latestAt()).isEqualTo(at(4));
  }

  @Test
  void newestListsTheMostRecentFirstAndNeverMoreThanKept() {
    RecentTransitions history = RecentTransitions.empty().with(event(0), 5).with(event(1), 5);

    assertThat(history.newest(1)).extracting(DriftEvent::at).containsExactly(at(1));
    assertThat(history.newest(10)).extracting(DriftEvent::at).containsExactly(at(1), at(0));
    assertThat(history.newest(0)).isEmpty();
    assertThat(RecentTransitions.empty().latestAt()).isNull();
  }

  @Test
  void roundTripsThroughTheStoreSerde() {
    JsonSerde<RecentTransitions> serde = JsonSerde.of(RecentTransitions.class);
    RecentTransitions history = RecentTransitions.empty().with(event(0), 5);

    byte[] bytes = serde.serializer().serialize("store", history);

    assertThat(serde.deserializer().deserialize("store", bytes)).isEqualTo(history);
  }

  private static DriftEvent event(int i) {
    return DriftEvent.of(
        WEB, DriftTransition.OPENED, DriftType.MODIFIED, List.of(), "c", T0, at(i), null);
  }

  private static Instant at(int i) {
    return T0.plusSeconds(i);
  }
}
