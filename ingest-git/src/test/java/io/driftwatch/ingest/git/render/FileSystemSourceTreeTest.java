package io.driftwatch.ingest.git.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.ingest.git.GitFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemSourceTreeTest {

  @TempDir Path dir;

  private FileSystemSourceTree write(Path root, String... paths) throws IOException {
    for (String path : paths) {
      Path file = root.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, path);
    }
    return new FileSystemSourceTree(root);
  }

  @Test
  void listsFilesInTheSameOrderAsTheGitTreeOfTheSameContent() throws IOException {
    String[] paths = {
      "a.yaml", "a/b.yaml", "a-b.yaml", "a.b/c.yaml", "ab/x.yaml", "B.yaml", "z/y/x.yaml", "a0.yaml"
    };
    FileSystemSourceTree local = write(dir.resolve("local"), paths);
    List<String> expected;
    try (GitFixture repo = GitFixture.create(dir.resolve("repo"))) {
      for (String path : paths) {
        repo.write(path, path);
      }
      expected = repo.tree(repo.commit("all")).files("");
    }

    assertThat(local.files("")).containsExactlyElementsOf(expected);
    assertThat(local.files("a")).containsExactly("a/b.yaml");
  }

  @Test
  void readsFilesAndKnowsDirectories() throws IOException {
    FileSystemSourceTree tree = write(dir, "apps/web.yaml");

    assertThat(tree.isDirectory("")).isTrue();
    assertThat(tree.isDirectory("apps")).isTrue();
    assertThat(tree.isDirectory("apps/web.yaml")).isFalse();
    assertThat(tree.isDirectory("missing")).isFalse();
    assertThat(new String(tree.read("apps/web.yaml", 100), StandardCharsets.UTF_8))
        .isEqualTo("apps/web.yaml");
    assertThatThrownBy(() -> tree.read("apps/missing.yaml", 100)).isInstanceOf(IOException.class);
  }

  @Test
  void refusesAFileLargerThanTheLimitWithoutReadingIt() throws IOException {
    FileSystemSourceTree tree = write(dir, "big.yaml");

    assertThatThrownBy(() -> tree.read("big.yaml", 3))
        .isInstanceOf(FileTooLargeException.class)
        .hasMessageContaining("big.yaml");
  }

  @Test
  void symbolicLinksAreNeitherFilesNorDirectories() throws IOException {
    Path outside = dir.resolve("outside");
    Files.createDirectories(outside);
    Files.writeString(outside.resolve("secret.yaml"), "kind: Secret");
    FileSystemSourceTree tree = write(dir.resolve("root"), "real.yaml");
    Files.createSymbolicLink(dir.resolve("root/link.yaml"), outside.resolve("secret.yaml"));
    Files.createSymbolicLink(dir.resolve("root/linkdir"), outside);

    assertThat(tree.files("")).containsExactly("real.yaml");
    assertThat(tree.isDirectory("linkdir")).isFalse();
    assertThatThrownBy(() -> tree.read("link.yaml", 100)).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> tree.read("linkdir/secret.yaml", 100)).isInstanceOf(IOException.class);
  }

  @Test
  void pathsThatLeaveTheRootAreRefused() throws IOException {
    Files.writeString(dir.resolve("outside.yaml"), "x");
    FileSystemSourceTree tree = write(dir.resolve("root"), "in.yaml");

    assertThatThrownBy(() -> tree.read("../outside.yaml", 100)).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> tree.read("/etc/hostname", 100)).isInstanceOf(IOException.class);
    assertThat(tree.isDirectory("..")).isFalse();
    assertThat(tree.files("..")).isEmpty();
  }

  @Test
  void gitMetadataIsNotPartOfTheTree() throws IOException {
    FileSystemSourceTree tree = write(dir, ".git/config", "app.yaml", ".github/ci.yaml");

    assertThat(tree.files("")).containsExactly(".github/ci.yaml", "app.yaml");
    assertThat(tree.isDirectory(".git")).isFalse();
  }
}
