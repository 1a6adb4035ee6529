package io.driftwatch.ingest.git.render.kustomize.generate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keys kubectl kustomize cannot print as generated data keys. Each value was tried as a literal key
 * with {@code kubectl kustomize}: the first list failed with "json: unsupported type", the second
 * rendered.
 */
class PlainScalarResolverTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1",
        "09",
        "1.5",
        "1e3",
        "0x1F",
        "0X1f",
        "0o17",
        "0O7",
        "017",
        "0B1",
        "0b101",
        "-0b1",
        ".inf",
        ".NaN",
        "-.INF",
        "+.Inf",
        "-1",
        "+1",
        "1_000",
        "0x_1F",
        "1__0",
        "0_1",
        "+0x1",
        "1.",
        ".5",
        "+.5",
        "1.5e+3",
        "9223372036854775808",
        "18446744073709551616",
        "true",
        "True",
        "TRUE",
        "False",
        "null",
        "Null",
        "NULL",
        "~",
        "2001-01-01",
        "2001-2-3",
        "2001-02-03T04:05:06Z",
        "2001-02-03T4:5:6.123+01:00",
        "2001-02-03 04:05:06",
        "2001-02-03 04:05:06.5",
        "2001-12-14t21:59:43.10-05:00",
        "<<"
      })
  void kubectlCannotPrintTheseKeys(String key) {
    assertThat(PlainScalarResolver.resolvesToString(key)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "abc",
        "yes",
        "y",
        "on",
        "off",
        "no",
        "nULL",
        "Off",
        "1:20",
        "1:20:30",
        "_1",
        "2001-02-30",
        "2001-02-03T04:05:06",
        "12345-01-01",
        "0x",
        "0b",
        "0o",
        "1e",
        ".",
        "0xG",
        "-",
        "1e400",
        "*a",
        "!x",
        "&a",
        "#a",
        "a: b",
        "[x]",
        "{x}",
        "'q'",
        "%x",
        "@x",
        "|x",
        ">x",
        "? x",
        "-x",
        " 1",
        "1 ",
        "a.10"
      })
  void kubectlPrintsTheseKeys(String key) {
    assertThat(PlainScalarResolver.resolvesToString(key)).isTrue();
  }
}
