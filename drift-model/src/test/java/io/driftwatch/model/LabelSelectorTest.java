package io.driftwatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.driftwatch.model.serde.Json;
import org.junit.jupiter.api.Test;

class LabelSelectorTest {

  private static final JsonNode LABELS =
      Json.mapper()
          .createObjectNode()
          .put("app", "web")
          .put("tier", "frontend")
          .put("example.com/team", "payments");

  private static boolean matches(String selector) {
    return LabelSelector.parse(selector).matches(LABELS);
  }

  @Test
  void equalityInBothSpellings() {
    assertThat(matches("app=web")).isTrue();
    assertThat(matches("app == web")).isTrue();
    assertThat(matches("app=api")).isFalse();
  }

  @Test
  void inequalityHoldsWhenTheKeyIsAbsent() {
    assertThat(matches("app!=api")).isTrue();
    assertThat(matches("app!=web")).isFalse();
    assertThat(matches("canary!=true")).isTrue();
  }

  @Test
  void setMembership() {
    assertThat(matches("tier in (backend, frontend)")).isTrue();
    assertThat(matches("tier in (backend)")).isFalse();
    assertThat(matches("tier notin (backend)")).isTrue();
    assertThat(matches("tier notin (frontend,edge)")).isFalse();
    assertThat(matches("canary notin (true)")).isTrue();
    assertThat(matches("canary in (true)")).isFalse();
  }

  @Test
  void existenceAndAbsence() {
    assertThat(matches("example.com/team")).isTrue();
    assertThat(matches("!canary")).isTrue();
    assertThat(matches("!app")).isFalse();
    assertThat(matches("canary")).isFalse();
  }

  @Test
  void commaMeansEveryRequirementMustHold() {
    assertThat(matches("app=web,tier in (frontend),!canary")).isTrue();
    assertThat(matches("app=web,tier in (backend)")).isFalse();
  }

  @Test
  void objectWithoutLabelsMatchesOnlyNegativeRequirements() {
    assertThat(LabelSelector.parse("!canary,app!=web").matches(MissingNode.getInstance())).isTrue();
    assertThat(LabelSelector.parse("app").matches(MissingNode.getInstance())).isFalse();
  }

  @Test
  void emptySelectorMatchesEverything() {
    assertThat(LabelSelector.parse("").matches(MissingNode.getInstance())).isTrue();
  }

  @Test
  void malformedSelectorsAreRejectedWithTheProblem() {
    assertThatThrownBy(() -> LabelSelector.parse("tier in ()"))
        .hasMessageContaining("in needs at least one value");
    assertThatThrownBy(() -> LabelSelector.parse("app=web)"))
        .hasMessageContaining("closes nothing");
    assertThatThrownBy(() -> LabelSelector.parse("replicas>2"))
        .hasMessageContaining("\"replicas>2\" is not a valid key");
    assertThatThrownBy(() -> LabelSelector.parse("app=we b"))
        .hasMessageContaining("\"we b\" is not a valid value");
  }
}
