package io.driftwatch.ingest.git.discover;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RepositoryLocatorTest {

  @Test
  void spellingsOfOneRepositoryHaveOneIdentity() {
    assertThat(RepositoryLocator.identity("https://github.com/acme/apps"))
        .isEqualTo(RepositoryLocator.identity("https://GitHub.com/acme/apps.git/"))
        .isEqualTo(RepositoryLocator.identity("git@github.com:acme/apps.git"))
        .isEqualTo(RepositoryLocator.identity("ssh://git@github.com/acme/apps"))
        .isEqualTo("github.com/acme/apps");
    assertThat(RepositoryLocator.identity("https://github.com:8443/acme/apps"))
        .isEqualTo("github.com:8443/acme/apps");
    assertThat(RepositoryLocator.identity("file:///srv/git/apps"))
        .isEqualTo(RepositoryLocator.identity("/srv/git/apps/"))
        .isEqualTo("file:/srv/git/apps");
    assertThat(RepositoryLocator.identity("/srv/git/apps.git"))
        .as("two local directories")
        .isNotEqualTo(RepositoryLocator.identity("/srv/git/apps"));
  }

  @Test
  void theFleetsOwnUrlIsReadFromTheFleetRepository() {
    RepositoryLocator locator =
        new RepositoryLocator("/srv/fleet", "https://github.com/acme/fleet", Map.of());

    assertThat(locator.locate("git@github.com:acme/fleet.git")).isEqualTo("/srv/fleet");
    assertThat(locator.locate("file:///srv/fleet")).isEqualTo("/srv/fleet");
    assertThat(locator.isFleet("https://github.com/acme/other")).isFalse();
  }

  @Test
  void theLongestMatchingPrefixMapsAndTheRestOfTheUrlFollows() {
    RepositoryLocator locator =
        new RepositoryLocator(
            "/srv/fleet",
            null,
            Map.of(
                "https://github.com/acme/", "/mirrors/acme",
                "https://github.com/acme/special", "https://git.internal/special.git",
                "https://github.com/openchoreo/sample-gitops", "/mirrors/sample"));

    assertThat(locator.locate("https://github.com/openchoreo/sample-gitops.git"))
        .isEqualTo("/mirrors/sample");
    assertThat(locator.locate("ssh://git@github.com/acme/apps.git"))
        .isEqualTo(Path.of("/mirrors/acme/apps").toString());
    assertThat(locator.locate("https://github.com/acme/special"))
        .isEqualTo("https://git.internal/special.git");
    assertThat(locator.locate("https://github.com/acme-other/apps"))
        .as("a prefix matches whole path segments only")
        .isEqualTo("https://github.com/acme-other/apps");
  }

  @Test
  void anUnmappedScpLikeUrlIsFetchedAsTheEquivalentSshUrl() {
    RepositoryLocator locator = new RepositoryLocator("/srv/fleet", null, Map.of());

    assertThat(locator.locate("git@gitlab.com:group/sub/repo.git"))
        .isEqualTo("ssh://git@gitlab.com/group/sub/repo.git");
    assertThat(locator.locate("https://gitlab.com/group/repo"))
        .isEqualTo("https://gitlab.com/group/repo");
  }
}
