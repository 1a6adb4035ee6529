package io.driftwatch.diff.quantity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.driftwatch.model.serde.Json;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantityTest {

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "1000m, 1",
    "1, 1.0",
    "1.0, 1000m",
    "0.5, 500m",
    ".5, 500m",
    "1., 1",
    "1Gi, 1024Mi",
    "1024Mi, 1073741824",
    "1Ki, 1024",
    "1Ti, 1024Gi",
    "1Pi, 1024Ti",
    "1Ei, 1024Pi",
    "1e3, 1k",
    "1E3, 1000",
    "1e-3, 1m",
    "1E+3, 1k",
    "1k, 1000",
    "1M, 1000k",
    "1G, 1000M",
    "1T, 1000G",
    "1P, 1000T",
    "1E, 1000P",
    "1000n, 1u",
    "1000u, 1m",
    "+2, 2",
    "-1, -1000m",
    "1.5Gi, 1536Mi",
  })
  void spellingsOfTheSameAmountAreEqual(String a, String b) {
    assertThat(Quantity.valueOf(a)).isNotNull();
    assertThat(Quantity.valueOf(a)).isEqualByComparingTo(Quantity.valueOf(b));
  }

  @ParameterizedTest(name = "{0} != {1}")
  @CsvSource({"1Gi, 1G", "1Mi, 1M", "100m, 1", "1Ki, 1k", "1e3, 1e4", "1E, 1Ei", "2, -2"})
  void differentAmountsAreNotEqual(String a, String b) {
    assertThat(Quantity.valueOf(a)).isNotEqualByComparingTo(Quantity.valueOf(b));
  }

  @Test
  void binarySuffixesAreExactPowersOf1024() {
    assertThat(Quantity.valueOf("1Gi")).isEqualByComparingTo(new BigDecimal("1073741824"));
    assertThat(Quantity.valueOf("1Ei")).isEqualByComparingTo(new BigDecimal("1152921504606846976"));
  }

  @ParameterizedTest(name = "\"{0}\" is not a quantity")
  @ValueSource(
      strings = {
        "",
        "abc",
        "Gi",
        ".",
        "+",
        "-",
        "1.2.3",
        "1Ki2",
        "1e",
        "1e+",
        "1E3.5",
        "--1",
        "1 Gi",
        " 1",
        "1KiB",
        "1gi",
        "1mi",
        "1K",
        "1x",
        "0x10",
        "1e99999",
        "NaN",
        "Infinity",
        "1,5"
      })
  void textOutsideTheGrammarHasNoValue(String text) {
    assertThat(Quantity.valueOf(text)).isNull();
    assertThat(Quantity.parse(text)).isEmpty();
  }

  @Test
  void yamlNumbersAreQuantitiesToo() {
    assertThat(Quantity.valueOf(IntNode.valueOf(2))).isEqualByComparingTo("2");
    assertThat(Quantity.valueOf(DoubleNode.valueOf(0.5))).isEqualByComparingTo("0.5");
    assertThat(Quantity.valueOf(DoubleNode.valueOf(Double.NaN))).isNull();
  }

  @Test
  void quantityNodesAreEqualByAmountAndKeepTheirSpelling() throws Exception {
    QuantityNode milli = QuantityNode.of(TextNode.valueOf("1000m"));
    QuantityNode one = QuantityNode.of(IntNode.valueOf(1));
    QuantityNode oneDotZero = QuantityNode.of(TextNode.valueOf("1.0"));
    QuantityNode two = QuantityNode.of(TextNode.valueOf("2"));

    assertThat(milli).isEqualTo(one).isEqualTo(oneDotZero).isNotEqualTo(two);
    assertThat(milli.hashCode()).isEqualTo(one.hashCode()).isEqualTo(oneDotZero.hashCode());
    assertThat(Json.mapper().writeValueAsString(milli)).isEqualTo("\"1000m\"");
  }

  @Test
  void invalidQuantityTextIsNoQuantityNode() {
    assertThat(QuantityNode.of(TextNode.valueOf("lots"))).isNull();
  }
}
