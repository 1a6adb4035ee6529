package io.driftwatch.ingest.git.render.kustomize.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The order kubectl kustomize prints map keys in (the key-order fixture checks it end to end). */
class GoYamlKeyOrderTest {

  @Test
  void nonLettersComeFirstLettersByCodePointAndNumbersByValue() {
    // kubectl printed exactly this order for these data keys.
    assertThat(
            GoYamlKeyOrder.sort(
                List.of(
                    "a2", "a10", "a02", "a-1", "A", "_", "b", "Z", "é", ".a", "a.10", "a.9", "a0",
                    "a00", "a1", "yes", "on")))
        .containsExactly(
            ".a", "_", "A", "Z", "a-1", "a.9", "a.10", "a0", "a00", "a1", "a2", "a02", "a10", "b",
            "on", "yes", "é");
  }

  @Test
  void keySetsWithoutATotalOrderStillSortToOneFixedOrder() {
    // go-yaml's comparison says 1a < 9a < 10a < 1a; kubectl's own output varies between runs.
    List<String> once = GoYamlKeyOrder.sort(List.of("1a", "9a", "10a", "a1b", "a2", "a10"));
    List<String> again = GoYamlKeyOrder.sort(List.of("a10", "a2", "a1b", "10a", "9a", "1a"));

    assertThat(once).isEqualTo(again).hasSize(6);
  }
}
