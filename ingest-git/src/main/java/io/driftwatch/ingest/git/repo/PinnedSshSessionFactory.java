package io.driftwatch.ingest.git.repo;

import java.io.File;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import org.eclipse.jgit.transport.sshd.DefaultProxyDataFactory;
import org.eclipse.jgit.transport.sshd.ServerKeyDatabase;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.agent.ConnectorFactory;

/**
 * JGit's Apache MINA SSH client for one fetch, with nothing taken from the environment: the one key
 * pair given (already loaded, so a rotated key file takes effect at the next fetch), host keys from
 * the one known_hosts file given, checked strictly; no {@code ~/.ssh/config}, no default
 * identities, no ssh-agent, and public-key authentication only (no password prompts, no Kerberos).
 */
final class PinnedSshSessionFactory extends SshdSessionFactory {

  private final List<KeyPair> keys;
  private final Path knownHostsFile;
  private volatile KnownHostsVerifier verifier;

  /**
   * @param emptyHome a directory that stands in for the user's home, so that nothing there is read
   */
  PinnedSshSessionFactory(List<KeyPair> keys, Path knownHostsFile, Path emptyHome) {
    super(null, new DefaultProxyDataFactory());
    this.keys = List.copyOf(keys);
    this.knownHostsFile = knownHostsFile;
    setHomeDirectory(emptyHome.toFile());
    setSshDirectory(emptyHome.resolve(".ssh").toFile());
  }

  /** The host key verifier of the last session; null before one was opened. */
  KnownHostsVerifier verifier() {
    return verifier;
  }

  @Override
  protected File getSshConfig(File sshDir) {
    return null;
  }

  @Override
  protected List<Path> getDefaultKnownHostsFiles(File sshDir) {
    return List.of(knownHostsFile);
  }

  @Override
  protected List<Path> getDefaultIdentities(File sshDir) {
    return List.of();
  }

  @Override
  protected Iterable<KeyPair> getDefaultKeys(File sshDir) {
    return keys;
  }

  @Override
  protected ServerKeyDatabase createServerKeyDatabase(File homeDir, File sshDir) {
    KnownHostsVerifier created =
        new KnownHostsVerifier(super.createServerKeyDatabase(homeDir, sshDir), knownHostsFile);
    verifier = created;
    return created;
  }

  @Override
  protected ConnectorFactory getConnectorFactory() {
    return null;
  }

  @Override
  protected String getDefaultPreferredAuthentications() {
    return "publickey";
  }
}
