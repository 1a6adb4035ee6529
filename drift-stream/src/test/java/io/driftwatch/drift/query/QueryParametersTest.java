package io.driftwatch.drift.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QueryParametersTest {

  @Test
  void decodesValuesAndIgnoresEmptyOnes() {
    QueryParameters parameters =
        QueryParameters.parse("cluster=prod%2Deu&namespace=&kind=Deploy+ment");

    assertThat(parameters.string("cluster")).hasValue("prod-eu");
    assertThat(parameters.string("namespace")).isEmpty();
    assertThat(parameters.string("kind")).hasValue("Deploy ment");
    assertThat(parameters.string("absent")).isEmpty();
  }

  @Test
  void listsJoinRepeatedAndCommaSeparatedValues() {
    QueryParameters parameters =
        QueryParameters.parse("status=PENDING,UNKNOWN&status=SYNCED&status=");

    assertThat(parameters.list("status")).containsExactly("PENDING", "UNKNOWN", "SYNCED");
    assertThat(QueryParameters.none().list("status")).isEmpty();
  }

  @Test
  void integersAreBoundedAndNamedWhenWrong() {
    QueryParameters parameters = QueryParameters.parse("transitions=7&limit=0&bad=x");

    assertThat(parameters.integer("transitions", 10, 0, 20)).isEqualTo(7);
    assertThat(parameters.integer("absent", 10, 0, 20)).isEqualTo(10);
    assertThatThrownBy(() -> parameters.integer("limit", 10, 1, 20))
        .isInstanceOf(BadQueryException.class)
        .hasMessage("Parameter 'limit' must be a whole number from 1 to 20, was '0'");
    assertThatThrownBy(() -> parameters.integer("bad", 10, 1, 20))
        .isInstanceOf(BadQueryException.class)
        .hasMessageContaining("'bad'");
  }

  @Test
  void brokenPercentEncodingIsABadQuery() {
    assertThatThrownBy(() -> QueryParameters.parse("cluster=%zz"))
        .isInstanceOf(BadQueryException.class)
        .hasMessageContaining("not valid percent-encoding");
  }
}
