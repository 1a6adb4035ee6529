package io.driftwatch.diff.managed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldsV1KeysTest {

  @Test
  void aFlatKeyObjectIsReadInSourceOrder() {
    FieldsV1Keys.FlatKey key =
        FieldsV1Keys.parseFlatObject("{\"containerPort\":8080,\"protocol\":\"TCP\"}");

    assertThat(key.names()).containsExactly("containerPort", "protocol");
    assertThat(key.values()).containsExactly("8080", "TCP");
  }

  @Test
  void escapesInKeyStringsAreUndone() {
    FieldsV1Keys.FlatKey key =
        FieldsV1Keys.parseFlatObject("{ \"name\" : \"a\\\"b\\\\c\\u00e9\\/d\" }");

    assertThat(key.values()).containsExactly("a\"b\\cé/d");
    assertThat(FieldsV1Keys.parseString("\"example.com/finalizer\""))
        .isEqualTo("example.com/finalizer");
  }

  @Test
  void anythingButAFlatObjectOfScalarsIsLeftToTheJsonParser() {
    assertThat(FieldsV1Keys.parseFlatObject("{\"a\":{\"b\":1}}")).isNull();
    assertThat(FieldsV1Keys.parseFlatObject("{\"a\":[1]}")).isNull();
    assertThat(FieldsV1Keys.parseFlatObject("{\"a\":null}")).isNull();
    assertThat(FieldsV1Keys.parseFlatObject("{}")).isNull();
    assertThat(FieldsV1Keys.parseFlatObject("{\"a\":1")).isNull();
    assertThat(FieldsV1Keys.parseFlatObject("{\"a\":1} trailing")).isNull();
    assertThat(FieldsV1Keys.parseFlatObject("{\"a\":\"unterminated}")).isNull();
    assertThat(FieldsV1Keys.parseString("42")).isNull();
    assertThat(FieldsV1Keys.parseString("\"bad \\x escape\"")).isNull();
  }
}
