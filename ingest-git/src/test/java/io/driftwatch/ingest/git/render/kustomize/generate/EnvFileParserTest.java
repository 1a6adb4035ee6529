package io.driftwatch.ingest.git.render.kustomize.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Env file lines as kustomize reads them; the kubectl evidence is in each comment. */
class EnvFileParserTest {

  private static List<String> parse(String content) throws GeneratorException {
    return parse(content.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> parse(byte[] content) throws GeneratorException {
    return EnvFileParser.parse(content, "test.env").stream()
        .map(kv -> kv.key() + "=" + new String(kv.value(), StandardCharsets.UTF_8))
        .toList();
  }

  @Test
  void aLineOf64KibOrMoreSilentlyEndsTheFile() throws GeneratorException {
    // kubectl: a 65,535-byte line and the lines after it are read; with a 65,536-byte line only
    // the lines before it are ("Z=0" was kept, "A=..." and "B=after" were not).
    String fits = "A=" + "x".repeat(65_533);
    assertThat(parse("Z=0\n" + fits + "\nB=after\n")).hasSize(3);

    String tooLong = "A=" + "x".repeat(65_534);
    assertThat(parse("Z=0\n" + tooLong + "\nB=after\n")).containsExactly("Z=0");
  }

  @Test
  void theCarriageReturnCountsTowardsTheLineLimit() throws GeneratorException {
    // kubectl: "A=" + 65,533 x + "\r\n" (65,536 bytes before the newline) ends the file.
    assertThat(parse("Z=0\nA=" + "x".repeat(65_533) + "\r\nB=after\n")).containsExactly("Z=0");
    assertThat(parse("Z=0\nA=" + "x".repeat(65_532) + "\r\nB=after\n")).hasSize(3);
  }

  @Test
  void theByteOrderMarkIsDroppedFromTheFirstLineOnly() throws GeneratorException {
    assertThat(parse("\uFEFFA=1\n\uFEFFB=2\n")).containsExactly("A=1", "\uFEFFB=2");
  }

  @Test
  void leadingWhitespaceIsGoWhitespace() throws GeneratorException {
    // kubectl: NBSP, EM SPACE, VT and NEL are trimmed; U+001C stays part of the key.
    assertThat(parse("\u00a0C=1\n\u2003D=2\n\u001cE=3\n\u000bF=4\n\u0085G=5\n"))
        .containsExactly("C=1", "D=2", "\u001cE=3", "F=4", "G=5");
  }

  @Test
  void valuesAreTakenLiterally() throws GeneratorException {
    assertThat(parse("Q=\"quoted\"\nT=trailing   \nE=a=b\nN\n=skipped\n  # comment\n\nLAST=x"))
        .containsExactly("Q=\"quoted\"", "T=trailing   ", "E=a=b", "N=", "LAST=x");
  }
}
