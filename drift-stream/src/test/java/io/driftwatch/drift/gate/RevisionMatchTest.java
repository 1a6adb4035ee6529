package io.driftwatch.drift.gate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RevisionMatchTest {

  private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

  @Test
  void fluxRevisionFormsNameTheirCommit() {
    assertThat(RevisionMatch.names("main@sha1:" + SHA, SHA)).isTrue();
    assertThat(RevisionMatch.names("main/" + SHA, SHA)).isTrue();
    assertThat(RevisionMatch.names("refs/tags/v1.2.0@sha1:" + SHA, SHA)).isTrue();
  }

  @Test
  void argoBareShaAndAbbreviationsMatchCaseInsensitively() {
    assertThat(RevisionMatch.names(SHA, SHA)).isTrue();
    assertThat(RevisionMatch.names(SHA.toUpperCase(), SHA)).isTrue();
    assertThat(RevisionMatch.names("0123456", SHA)).isTrue();
  }

  @Test
  void otherCommitsTagsAndShortRunsDoNotMatch() {
    assertThat(RevisionMatch.names("main@sha1:fedcba9876543210fedcba9876543210fedcba98", SHA))
        .isFalse();
    assertThat(RevisionMatch.names("v1.2.3", SHA)).isFalse();
    assertThat(RevisionMatch.names("012345", SHA)).as("6 hex digits are too few").isFalse();
    assertThat(RevisionMatch.names("x0123456789abcdef", SHA))
        .as("a hex run inside a word is not a sha")
        .isFalse();
    assertThat(RevisionMatch.names(null, SHA)).isFalse();
    assertThat(RevisionMatch.names(SHA, null)).isFalse();
  }
}
