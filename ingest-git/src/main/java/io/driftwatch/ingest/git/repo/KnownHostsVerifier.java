package io.driftwatch.ingest.git.repo;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.sshd.ServerKeyDatabase;

/**
 * Strict host key checking against one known_hosts file: JGit's OpenSSH database does the reading
 * and matching, this wrapper forces {@code StrictHostKeyChecking yes} whatever else says otherwise,
 * never asks, never writes, and remembers a refused key so the error can name the host, the key's
 * fingerprint and the file to add it to.
 */
final class KnownHostsVerifier implements ServerKeyDatabase {

  /** A host key that was refused, and whether the file knew another key for that host. */
  record Rejection(String host, int port, String keyType, String fingerprint, boolean changed) {}

  private final ServerKeyDatabase delegate;
  private final Path knownHostsFile;
  private volatile Rejection rejection;

  KnownHostsVerifier(ServerKeyDatabase delegate, Path knownHostsFile) {
    this.delegate = delegate;
    this.knownHostsFile = knownHostsFile;
  }

  @Override
  public List<PublicKey> lookup(
      String connectAddress, InetSocketAddress remoteAddress, Configuration config) {
    return delegate.lookup(connectAddress, remoteAddress, new Strict(config));
  }

  @Override
  public boolean accept(
      String connectAddress,
      InetSocketAddress remoteAddress,
      PublicKey serverKey,
      Configuration config,
      CredentialsProvider provider) {
    Strict strict = new Strict(config);
    // No provider: nobody is asked to accept a key, whatever the configuration says.
    if (delegate.accept(connectAddress, remoteAddress, serverKey, strict, null)) {
      return true;
    }
    boolean changed = !delegate.lookup(connectAddress, remoteAddress, strict).isEmpty();
    rejection =
        new Rejection(
            remoteAddress.getHostString(),
            remoteAddress.getPort(),
            KeyUtils.getKeyType(serverKey),
            KeyUtils.getFingerPrint(serverKey),
            changed);
    return false;
  }

  /** The key refused during the last connection, or null. */
  Rejection rejection() {
    return rejection;
  }

  Path knownHostsFile() {
    return knownHostsFile;
  }

  /** The session's settings, except that only our file is read and host keys must match. */
  private record Strict(Configuration config) implements Configuration {
    @Override
    public List<String> getUserKnownHostsFiles() {
      return List.of();
    }

    @Override
    public List<String> getGlobalKnownHostsFiles() {
      return List.of();
    }

    @Override
    public StrictHostKeyChecking getStrictHostKeyChecking() {
      return StrictHostKeyChecking.REQUIRE_MATCH;
    }

    @Override
    public boolean getHashKnownHosts() {
      return false;
    }

    @Override
    public String getUsername() {
      return config.getUsername();
    }
  }
}
