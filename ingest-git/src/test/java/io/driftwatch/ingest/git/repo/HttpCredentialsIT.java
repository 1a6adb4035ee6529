package io.driftwatch.ingest.git.repo;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.ingest.git.GitFixture;
import io.driftwatch.ingest.git.repo.GitSourceException.Reason;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetching over Git's smart HTTP protocol from a real server that demands Basic authentication. */
class HttpCredentialsIT {

  @TempDir Path served;
  @TempDir Path work;
  @TempDir Path secrets;

  private GitHttpServer server;
  private GitFixture privateRepo;
  private String firstCommit;

  @BeforeEach
  void startServer() throws Exception {
    privateRepo = GitFixture.create(served.resolve("private/app"));
    firstCommit = privateRepo.write("a.yaml", GitFixture.configMap("a", "1")).commit("first");
    server = GitHttpServer.start(served);
  }

  @AfterEach
  void stopServer() throws Exception {
    server.close();
    privateRepo.close();
  }

  private String privatePrefix() {
    return server.url("private/");
  }

  private Path file(String name, String content) throws Exception {
    return Files.writeString(secrets.resolve(name), content);
  }

  private RepositoryMirror mirror(String id, GitCredentials... credentials) {
    return new RepositoryMirror(id, server.url("private/app"), "main", work, List.of(credentials));
  }

  @Test
  void aTokenFromAFileFetchesAPrivateRepositoryAsUserGit() throws Exception {
    server.allow("git", "ghp_t0ken");
    GitCredentials token =
        new GitCredentials.Basic(
            privatePrefix(),
            null,
            new SecretSource.File("passwordFile", file("token", "ghp_t0ken\n")));

    try (RepositoryMirror mirror = mirror("shop", token)) {
      assertThat(mirror.fetch().sha()).isEqualTo(firstCommit);
    }
  }

  @Test
  void aUserNameAndAPasswordFromTheEnvironmentFetch() throws Exception {
    server.allow("alice", "correct horse");
    GitCredentials basic =
        new GitCredentials.Basic(
            privatePrefix(),
            "alice",
            new SecretSource.Env("passwordEnv", "GIT_PASSWORD", SecretValue.of("correct horse")));

    try (RepositoryMirror mirror = mirror("shop", basic)) {
      assertThat(mirror.fetch().sha()).isEqualTo(firstCommit);
    }
  }

  @Test
  void aRefusedPasswordIsAnAuthErrorNamingSourceAndEntryButNotThePassword() throws Exception {
    server.allow("git", "the-right-one");
    Path passwordFile = file("token", "wr0ng-s3cret");
    GitCredentials wrong =
        new GitCredentials.Basic(
            privatePrefix(), null, new SecretSource.File("passwordFile", passwordFile));

    try (RepositoryMirror mirror = mirror("shop", wrong)) {
      GitSourceException e = fetchFailure(mirror);

      assertThat(e.reason()).isEqualTo(Reason.AUTH);
      assertThat(e.getMessage())
          .startsWith("Source 'shop' (repository " + server.url("private/app"))
          .contains("refused the credentials from gitCredentials entry '" + privatePrefix() + "'")
          .contains("user 'git'")
          .contains("passwordFile " + passwordFile);
      assertThat(stackTrace(e)).doesNotContain("wr0ng-s3cret");
    }
  }

  @Test
  void aPrivateRepositoryWithoutMatchingCredentialsIsAnAuthErrorSayingNoneMatched()
      throws Exception {
    server.allow("git", "t0ken");
    GitCredentials elsewhere =
        new GitCredentials.Basic(
            "https://github.com/acme/",
            null,
            new SecretSource.File("passwordFile", file("token", "t0ken")));

    try (RepositoryMirror mirror = mirror("shop", elsewhere)) {
      GitSourceException e = fetchFailure(mirror);

      assertThat(e.reason()).isEqualTo(Reason.AUTH);
      assertThat(e.getMessage())
          .contains("no gitCredentials entry matches this repository")
          .contains("a prefix of " + server.url("private/app"));
    }
  }

  @Test
  void aRotatedTokenFileIsReadAtTheNextFetch() throws Exception {
    server.allow("git", "old-t0ken");
    Path tokenFile = file("token", "old-t0ken\n");
    GitCredentials token =
        new GitCredentials.Basic(
            privatePrefix(), null, new SecretSource.File("passwordFile", tokenFile));

    try (RepositoryMirror mirror = mirror("shop", token)) {
      assertThat(mirror.fetch().sha()).isEqualTo(firstCommit);

      server.allow("git", "new-t0ken");
      String second = privateRepo.write("a.yaml", GitFixture.configMap("a", "2")).commit("second");
      assertThat(fetchFailure(mirror).reason()).isEqualTo(Reason.AUTH);

      Files.writeString(tokenFile, "new-t0ken\n");
      assertThat(mirror.fetch().sha()).isEqualTo(second);
    }
  }

  @Test
  void aMissingPasswordFileIsAnAuthErrorNamingTheKeyAndTheFile() throws Exception {
    Path missing = secrets.resolve("not-mounted");
    GitCredentials token =
        new GitCredentials.Basic(
            privatePrefix(), null, new SecretSource.File("passwordFile", missing));

    try (RepositoryMirror mirror = mirror("shop", token)) {
      GitSourceException e = fetchFailure(mirror);

      assertThat(e.reason()).isEqualTo(Reason.AUTH);
      assertThat(e.getMessage())
          .contains("cannot read passwordFile " + missing)
          .contains("no such file")
          .contains("mount the secret there");
    }
  }

  @Test
  void aPublicRepositoryNeedsNoCredentials() throws Exception {
    try (GitFixture publicRepo = GitFixture.create(served.resolve("public/app"));
        RepositoryMirror mirror =
            new RepositoryMirror("open", server.url("public/app"), "main", work)) {
      String sha = publicRepo.write("a.yaml", GitFixture.configMap("a", "1")).commit("first");

      assertThat(mirror.fetch().sha()).isEqualTo(sha);
    }
  }

  @Test
  void aHostThatRefusesConnectionsIsUnreachable() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (RepositoryMirror mirror =
        new RepositoryMirror("down", "http://127.0.0.1:" + closedPort + "/app", "main", work)) {
      GitSourceException e = fetchFailure(mirror);

      assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
      assertThat(e.getMessage()).contains("check the URL, name resolution, and network access");
    }
  }

  @Test
  void aRepositoryTheServerDoesNotHaveIsUnreachableWithoutCredentials() throws Exception {
    try (RepositoryMirror mirror =
        new RepositoryMirror("typo", server.url("public/no-such-app"), "main", work)) {
      GitSourceException e = fetchFailure(mirror);

      assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
      assertThat(e.getMessage()).contains("the server has no repository at this URL");
    }
  }

  @Test
  void anUnknownRefAfterASuccessfulAuthenticatedFetchIsRef() throws Exception {
    server.allow("git", "t0ken");
    GitCredentials token =
        new GitCredentials.Basic(
            privatePrefix(), null, new SecretSource.File("passwordFile", file("token", "t0ken")));

    try (RepositoryMirror mirror =
        new RepositoryMirror("shop", server.url("private/app"), "gone", work, List.of(token))) {
      assertThat(fetchFailure(mirror).reason()).isEqualTo(Reason.REF);
    }
  }

  static GitSourceException fetchFailure(RepositoryMirror mirror) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(mirror::fetch);
    assertThat(thrown).isInstanceOf(GitSourceException.class);
    return (GitSourceException) thrown;
  }

  static String stackTrace(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
