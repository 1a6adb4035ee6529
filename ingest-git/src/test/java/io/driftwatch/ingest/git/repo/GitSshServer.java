package io.driftwatch.ingest.git.repo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.UploadPack;

/**
 * A real Git SSH server for tests: Apache MINA SSHD on 127.0.0.1 with one host key, public-key
 * authentication of user {@code git} against the keys it was told to accept, and {@code
 * git-upload-pack} answered by JGit's UploadPack for repositories under a root directory.
 */
final class GitSshServer implements AutoCloseable {

  private static final String USER = "git";

  private final SshServer server;
  private final KeyPair hostKey;
  private final Set<PublicKey> authorized = new CopyOnWriteArraySet<>();

  private GitSshServer(SshServer server, KeyPair hostKey) {
    this.server = server;
    this.hostKey = hostKey;
  }

  static GitSshServer start(Path root, KeyPair hostKey) throws IOException {
    SshServer server = SshServer.setUpDefaultServer();
    GitSshServer git = new GitSshServer(server, hostKey);
    server.setHost("127.0.0.1");
    server.setPort(0);
    server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
    server.setPasswordAuthenticator(null);
    server.setKeyboardInteractiveAuthenticator(null);
    server.setPublickeyAuthenticator(
        (user, key, session) ->
            USER.equals(user)
                && git.authorized.stream().anyMatch(k -> KeyUtils.compareKeys(k, key)));
    server.setCommandFactory((channel, command) -> new UploadPackCommand(root, command));
    server.start();
    return git;
  }

  /** Accepts {@code key} for user git from now on. */
  GitSshServer authorize(PublicKey key) {
    authorized.add(key);
    return this;
  }

  int port() {
    return server.getPort();
  }

  /** {@code ssh://git@127.0.0.1:<port>/<path>}. */
  String url(String path) {
    return "ssh://" + USER + "@127.0.0.1:" + port() + "/" + path;
  }

  /**
   * This server's line for a known_hosts file, as {@code ssh-keyscan -p <port> 127.0.0.1} prints.
   */
  String knownHostsLine() {
    return "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(hostKey.getPublic());
  }

  /** Writes a known_hosts file that trusts this server. */
  Path writeKnownHosts(Path file) throws IOException {
    return Files.writeString(file, knownHostsLine() + "\n", StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    server.stop(true);
  }

  /** {@code git-upload-pack '/path'}, served by JGit from the repository under the root. */
  private static final class UploadPackCommand implements Command {
    private final Path root;
    private final String command;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;

    UploadPackCommand(Path root, String command) {
      this.root = root;
      this.command = command;
    }

    @Override
    public void setInputStream(InputStream in) {
      this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
      this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
      this.exit = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
      Thread thread = new Thread(this::run, "test-git-upload-pack");
      thread.setDaemon(true);
      thread.start();
    }

    private void run() {
      List<String> words = List.of(command.split(" ", 2));
      if (words.size() != 2 || !words.get(0).equals("git-upload-pack")) {
        fail("only git-upload-pack is served: " + command);
        return;
      }
      String path = words.get(1).replace("'", "");
      Path directory = root.resolve(path.startsWith("/") ? path.substring(1) : path).normalize();
      if (!directory.startsWith(root) || !Files.isDirectory(directory)) {
        fail("fatal: '" + path + "' does not appear to be a git repository");
        return;
      }
      try (Repository repository =
          new FileRepositoryBuilder().setWorkTree(directory.toFile()).setMustExist(true).build()) {
        new UploadPack(repository).upload(in, out, err);
        out.flush();
        exit.onExit(0);
      } catch (IOException | RuntimeException e) {
        fail("upload-pack failed: " + e);
      }
    }

    private void fail(String message) {
      try {
        err.write((message + "\n").getBytes(StandardCharsets.UTF_8));
        err.flush();
      } catch (IOException ignored) {
        // The client is gone; the exit status below is all that is left to say.
      }
      exit.onExit(128, message);
    }

    @Override
    public void destroy(ChannelSession channel) {}
  }
}
