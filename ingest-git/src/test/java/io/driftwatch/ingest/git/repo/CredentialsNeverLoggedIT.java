package io.driftwatch.ingest.git.repo;

import static io.driftwatch.ingest.git.repo.HttpCredentialsIT.stackTrace;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.ingest.git.GitFixture;
import io.driftwatch.ingest.git.GitIngestConfig;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Runs failing and succeeding fetches over HTTP and SSH with every logger of driftwatch, JGit and
 * Apache SSHD at TRACE (failsafe runs the tag trace-logging in its own JVM with those levels), and
 * checks that no password, token, passphrase or private key appears in anything logged to stdout or
 * stderr, in any exception message or stack trace, or in the string form of the configuration.
 */
@Tag("trace-logging")
class CredentialsNeverLoggedIT {

  private static final String TOKEN = "tok3n-RIGHT-a1b2c3";
  private static final String WRONG_TOKEN = "tok3n-WRONG-d4e5f6";
  private static final String PASSWORD = "pa55-w0rd-g7h8";
  private static final String PASSPHRASE = "phr4se-RIGHT-i9j0";
  private static final String WRONG_PASSPHRASE = "phr4se-WRONG-k1l2";

  @TempDir Path served;
  @TempDir Path work;
  @TempDir Path secrets;

  @Test
  void noSecretReachesALogLineAnExceptionOrAToString() throws Exception {
    for (String logger : List.of("io.driftwatch", "org.eclipse.jgit", "org.apache.sshd")) {
      assertThat(LoggerFactory.getLogger(logger + ".Any").isTraceEnabled())
          .as(
              "%s must log at TRACE for this check to see everything: run it through failsafe's"
                  + " credentials-never-logged execution, which runs the tag trace-logging",
              logger)
          .isTrue();
    }
    ByteArrayOutputStream logged = new ByteArrayOutputStream();
    PrintStream out = System.out;
    PrintStream err = System.err;
    System.setOut(new PrintStream(new Tee(out, logged), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(new Tee(err, logged), true, StandardCharsets.UTF_8));
    StringBuilder reported = new StringBuilder();
    String privateKey;
    try (GitFixture repo = GitFixture.create(served.resolve("private/app"));
        GitHttpServer http = GitHttpServer.start(served);
        GitSshServer ssh = GitSshServer.start(served, SshKeys.ecdsa())) {
      repo.write("a.yaml", GitFixture.configMap("a", "1")).commit("first");
      http.allow("git", TOKEN).allow("alice", PASSWORD);

      Path tokenFile = Files.writeString(secrets.resolve("token"), WRONG_TOKEN);
      GitCredentials token =
          new GitCredentials.Basic(
              http.url("private/"), null, new SecretSource.File("passwordFile", tokenFile));
      try (RepositoryMirror mirror = mirror(http.url("private/app"), token)) {
        reported.append(fetch(mirror, false));
        Files.writeString(tokenFile, TOKEN + "\n");
        reported.append(fetch(mirror, true)).append(fetch(mirror, true));
      }
      assertThat(occurrences(logged.toString(StandardCharsets.UTF_8), "over plain http://"))
          .as("the plain-http warning is logged once per repository, not at every fetch")
          .isEqualTo(1);

      for (String password : List.of(PASSWORD, WRONG_TOKEN)) {
        GitCredentials alice =
            new GitCredentials.Basic(
                http.url("private/"),
                "alice",
                new SecretSource.Env("passwordEnv", "GIT_PASSWORD", SecretValue.of(password)));
        try (RepositoryMirror mirror = mirror(http.url("private/app"), alice)) {
          reported.append(fetch(mirror, password.equals(PASSWORD))).append(alice);
        }
      }

      KeyPair key = SshKeys.ed25519();
      ssh.authorize(key.getPublic());
      Path keyFile = SshKeys.writePrivate(key, secrets.resolve("id_ed25519"), PASSPHRASE);
      privateKey = Files.readString(keyFile);
      Path passphrase = Files.writeString(secrets.resolve("passphrase"), PASSPHRASE);
      Path wrongPassphrase = Files.writeString(secrets.resolve("wrong"), WRONG_PASSPHRASE);
      Path knownHosts = ssh.writeKnownHosts(secrets.resolve("known_hosts"));
      Path emptyKnownHosts = Files.writeString(secrets.resolve("empty_known_hosts"), "");
      Path stranger = SshKeys.writePrivate(SshKeys.ecdsa(), secrets.resolve("stranger"), null);
      record Case(Path key, Path passphrase, Path knownHosts, boolean succeeds) {}
      List<GitCredentials> used = new ArrayList<>();
      for (Case c :
          List.of(
              new Case(keyFile, passphrase, knownHosts, true),
              new Case(keyFile, wrongPassphrase, knownHosts, false),
              new Case(keyFile, passphrase, emptyKnownHosts, false),
              new Case(stranger, null, knownHosts, false))) {
        GitCredentials credentials =
            new GitCredentials.SshKey(
                "ssh://127.0.0.1:" + ssh.port() + "/",
                null,
                c.key(),
                Optional.ofNullable(c.passphrase())
                    .map(p -> new SecretSource.File("sshKeyPassphraseFile", p)),
                c.knownHosts());
        used.add(credentials);
        try (RepositoryMirror mirror = mirror(ssh.url("private/app"), credentials)) {
          reported.append(fetch(mirror, c.succeeds()));
        }
      }
      reported.append(new GitIngestConfig(List.of(), work, used, null, null));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }

    String everything = logged.toString(StandardCharsets.UTF_8) + "\n" + reported;
    assertThat(everything)
        .as("the test looks at real library logging, not at silence")
        .contains("TRACE org.apache.sshd.", "DEBUG org.eclipse.jgit.");
    List<String> forbidden =
        List.of(
            TOKEN,
            WRONG_TOKEN,
            PASSWORD,
            PASSPHRASE,
            WRONG_PASSPHRASE,
            basicHeader("git", TOKEN),
            basicHeader("git", WRONG_TOKEN),
            basicHeader("alice", PASSWORD),
            basicHeader("alice", WRONG_TOKEN));
    // Checked without AssertJ's contains, whose failure message would print the secret again.
    for (int i = 0; i < forbidden.size(); i++) {
      assertThat(everything.contains(forbidden.get(i))).as("secret #%d was printed", i).isFalse();
    }
    List<String> keyLines = privateKey.lines().filter(l -> !l.startsWith("-----")).toList();
    for (int i = 0; i < keyLines.size(); i++) {
      assertThat(everything.contains(keyLines.get(i)))
          .as("line %d of the private key was printed", i + 1)
          .isFalse();
    }
  }

  private RepositoryMirror mirror(String url, GitCredentials credentials) {
    return new RepositoryMirror("secretive", url, "main", work, List.of(credentials));
  }

  /** Fetches, checks the outcome, and returns what a user would see of a failure. */
  private static String fetch(RepositoryMirror mirror, boolean succeeds) {
    try {
      mirror.fetch();
      assertThat(succeeds).as("the fetch should have failed").isTrue();
      return "";
    } catch (GitSourceException e) {
      assertThat(succeeds).as("unexpected failure: %s", e.getMessage()).isFalse();
      return e + "\n" + stackTrace(e);
    }
  }

  private static String basicHeader(String user, String password) {
    return Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static int occurrences(String text, String part) {
    int count = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      count++;
    }
    return count;
  }

  /** Writes to the real stream and to the capture. */
  private static final class Tee extends OutputStream {
    private final OutputStream first;
    private final OutputStream second;

    Tee(OutputStream first, OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public synchronized void write(int b) throws java.io.IOException {
      first.write(b);
      second.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws java.io.IOException {
      first.write(b, off, len);
      second.write(b, off, len);
    }

    @Override
    public void flush() throws java.io.IOException {
      first.flush();
      second.flush();
    }
  }
}
