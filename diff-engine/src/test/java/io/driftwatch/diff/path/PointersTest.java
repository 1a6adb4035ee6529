package io.driftwatch.diff.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PointersTest {

  @Test
  void tildeAndSlashAreEscapedAsRfc6901Says() {
    assertThat(Pointers.child("/metadata/annotations", "example.com/a~b"))
        .isEqualTo("/metadata/annotations/example.com~1a~0b");
  }

  @Test
  void parsingUndoesEscaping() {
    assertThat(Pointers.parse("/metadata/annotations/example.com~1a~0b"))
        .containsExactly("metadata", "annotations", "example.com/a~b");
    assertThat(Pointers.parse("/a/~01")).containsExactly("a", "~1");
    assertThat(Pointers.parse("/a//b")).containsExactly("a", "", "b");
    assertThat(Pointers.parse("")).isEmpty();
  }

  @Test
  void aPointerMustStartWithASlash() {
    assertThatThrownBy(() -> Pointers.parse("spec/replicas"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("starts with '/'");
  }
}
