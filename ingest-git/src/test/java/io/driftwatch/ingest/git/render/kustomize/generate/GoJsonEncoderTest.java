package io.driftwatch.ingest.git.render.kustomize.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The bytes Go's encoding/json writes, as documented for json.Marshal (Go 1.22 and later). */
class GoJsonEncoderTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static String encode(String json) throws Exception {
    return GoJsonEncoder.encode(JSON.readTree(json));
  }

  @Test
  void keysAreSortedByCodePointNotByUtf16() throws Exception {
    // U+FF21 sorts before U+1F600 in UTF-8 (and code points) but after it in UTF-16 units.
    assertThat(
            encode("{\"b\":1,\"\\ud83d\\ude00\":2,\"\\uff21\":3,\"B\":4,\"a\":{\"z\":1,\"y\":2}}"))
        .isEqualTo("{\"B\":4,\"a\":{\"y\":2,\"z\":1},\"b\":1,\"Ａ\":3,\"\uD83D\uDE00\":2}");
  }

  @Test
  void htmlCharactersLineSeparatorsAndControlsAreEscaped() throws Exception {
    assertThat(encode("[\"<a>&</a>\",\"\\u2028\\u2029\",\"\\b\\f\\n\\r\\t\\u0001\\u001f\"]"))
        .isEqualTo(
            "[\"\\u003ca\\u003e\\u0026\\u003c/a\\u003e\",\"\\u2028\\u2029\","
                + "\"\\b\\f\\n\\r\\t\\u0001\\u001f\"]");
  }

  @Test
  void quotesBackslashesAndNonAsciiAreWrittenAsGoWritesThem() throws Exception {
    assertThat(encode("\"\\\"\\\\/\\u007f é\"")).isEqualTo("\"\\\"\\\\/\u007f é\"");
  }

  @Test
  void numbersAreFloat64sFormattedAsGoFormatsThem() throws Exception {
    assertThat(
            encode("[1,-2,1.5,100000000000000000000000,1.5e-7,0.000001,1e20,12345678901234567890]"))
        .isEqualTo("[1,-2,1.5,1e+23,1.5e-7,0.000001,100000000000000000000,12345678901234567000]");
  }

  @Test
  void booleansAndNullsAreLiterals() throws Exception {
    assertThat(encode("{\"t\":true,\"f\":false,\"n\":null}"))
        .isEqualTo("{\"f\":false,\"n\":null,\"t\":true}");
  }
}
