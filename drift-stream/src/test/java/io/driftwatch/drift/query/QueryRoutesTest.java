package io.driftwatch.drift.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class QueryRoutesTest {

  private static final FleetRoute NOTHING =
      new FleetRoute("some-store", "items", "key", (local, parameters) -> List.of());

  @Test
  void driftStreamServesResourcesDriftAndDeployments() {
    assertThat(QueryRoutes.drift().paths())
        .containsExactly(
            "/api/v1/resources/{key}",
            "/api/v1/deployments/{key}",
            "/api/v1/drift",
            "/api/v1/deployments");
  }

  @Test
  void aCollectionNameIsLowerCaseAndTakenOnce() {
    assertThatThrownBy(() -> QueryRoutes.empty().fleet("Deployments", NOTHING))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lower-case letters, digits and dashes");
    assertThatThrownBy(() -> QueryRoutes.drift().fleet(QueryRoutes.DRIFT, NOTHING))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'drift' is registered twice");
  }

  @Test
  void aHandlerKeepsTheRoutesItWasBuiltWith() {
    QueryRoutes routes = QueryRoutes.empty().fleet("deployments", NOTHING);
    QueryRoutes copy = routes.copy();

    routes.fleet("later", NOTHING);

    assertThat(copy.paths()).containsExactly("/api/v1/deployments");
  }
}
