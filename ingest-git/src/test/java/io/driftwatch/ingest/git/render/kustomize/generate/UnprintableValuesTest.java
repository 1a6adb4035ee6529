package io.driftwatch.ingest.git.render.kustomize.generate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ConfigMap values kubectl kustomize cannot print. Each value was tried as a literal with {@code
 * kubectl kustomize}: the first list failed, the second rendered.
 */
class UnprintableValuesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a\u007fb",
        "a\u0080b",
        "a\u0084b",
        "a\u0086b",
        "a\u009fb",
        "a\ufffeb",
        "a\uffffb",
        "\tb\nc",
        "\tb\n",
        "\t\n",
        "\t\t\n",
        "\tb\n c",
        "\té\nc",
        "\tb\n\n",
        "\tb\nc\t",
        "\tb\n\tc",
        "\tb\u0085c\n",
        "\tb \u0085c\n",
        "\tb\u2028\nc",
        "\tb\n\u00a0",
        "\tb\n\ufffd",
        "\tb\n\ue000",
        "\tb\nc\u00a0",
        "\tb\n\ud7ff",
        "\tb\n\u3000"
      })
  void kubectlFailsOnThese(String value) {
    assertThat(UnprintableValues.problem(value)).isNotNull().doesNotContain(value);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "plain",
        "a\u0085b",
        "a\u00a0b",
        "a\ufeffb",
        "a\ufffdb",
        "\u0000\u0001\u001b",
        "\tb",
        "b\n\tc",
        "b\tx\nc",
        "\n\tb",
        " \tb\nc",
        "\tb\n\u0001",
        "\tb \nc",
        "\tb\nc ",
        "\t \nc",
        "\tb\rc\n",
        "\tb\ufeff\nc",
        "\t\u001b\nc",
        "\tb\n ",
        "\tb\nc\n ",
        "\tb\nc\r",
        "\tb\n\r",
        "\tb \n",
        "\tb\n\uD83D\uDE00",
        "\tb \u2028c\n",
        "\tb\n\f"
      })
  void kubectlPrintsThese(String value) {
    assertThat(UnprintableValues.problem(value)).isNull();
  }
}
