package io.driftwatch.ingest.git.repo;

import io.driftwatch.model.CommitSignature;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.lib.GpgConfig.GpgFormat;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.SignatureVerifiers;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.util.RawParseUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says whether a commit is {@link CommitSignature#UNSIGNED}, {@link CommitSignature#SIGNED} or
 * {@link CommitSignature#VERIFIED}: verified only when its signature is valid over the commit and
 * made by a configured key (OpenPGP or SSH). A bad signature (one that does not match the commit,
 * or whose key is revoked, expired or not allowed) stays SIGNED and is logged as a warning, once
 * per source and commit. Built once from {@link SignatureKeys}, shared by every source;
 * thread-safe.
 */
public final class CommitSignatureVerifier {

  private static final Logger LOG = LoggerFactory.getLogger(CommitSignatureVerifier.class);
  private static final byte[] GPGSIG = {'g', 'p', 'g', 's', 'i', 'g'};
  private static final int WARNED_REMEMBERED = 4096;

  /** No trusted keys: a signed commit is SIGNED, and nothing is checked. */
  public static final CommitSignatureVerifier NONE = new CommitSignatureVerifier(null, null);

  private final OpenPgpKeyring openpgp;
  private final SshAllowedSigners ssh;

  /** source@sha of the bad signatures already warned about, so a poll loop does not repeat it. */
  private final Set<String> warned =
      Collections.newSetFromMap(
          Collections.synchronizedMap(
              new LinkedHashMap<>() {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                  return size() > WARNED_REMEMBERED;
                }
              }));

  private CommitSignatureVerifier(OpenPgpKeyring openpgp, SshAllowedSigners ssh) {
    this.openpgp = openpgp;
    this.ssh = ssh;
  }

  /**
   * Reads the configured keys once.
   *
   * @throws IllegalArgumentException when a key file cannot be read or is not a key; the message
   *     names the file, the problem and the fix
   */
  public static CommitSignatureVerifier load(SignatureKeys keys) {
    if (keys == null || keys.isEmpty()) {
      return NONE;
    }
    return new CommitSignatureVerifier(
        keys.openpgpKeys().map(OpenPgpKeyring::load).orElse(null),
        keys.sshAllowedSigners().map(SshAllowedSigners::load).orElse(null));
  }

  /** True when at least one kind of key is configured, so that VERIFIED is possible. */
  public boolean hasKeys() {
    return openpgp != null || ssh != null;
  }

  /**
   * The signature status of a parsed commit (its raw buffer must be retained, as a {@code RevWalk}
   * does by default).
   *
   * @param sourceId the source the commit is resolved for, named in the warning about a bad
   *     signature
   * @param repository the repository the commit was read from
   */
  public CommitSignature verify(String sourceId, Repository repository, RevCommit commit) {
    byte[] signature = commit.getRawGpgSignature();
    if (signature == null) {
      return CommitSignature.UNSIGNED;
    }
    if (!hasKeys()) {
      return CommitSignature.SIGNED;
    }
    GpgFormat format = SignatureVerifiers.getFormat(signature);
    SignatureCheck check;
    if (format == GpgFormat.OPENPGP && openpgp != null) {
      check = openpgp.check(payload(commit), signature);
    } else if (format == GpgFormat.SSH && ssh != null) {
      check = ssh.check(repository, payload(commit), signature);
    } else {
      // X.509 signatures, or a format no key is configured for: signed, and nothing to check with.
      return CommitSignature.SIGNED;
    }
    switch (check.verdict()) {
      case VERIFIED:
        LOG.debug("Source {}: commit {} is signed by {}", sourceId, commit.name(), check.detail());
        return CommitSignature.VERIFIED;
      case UNKNOWN_KEY:
        LOG.debug(
            "Source {}: commit {} is signed by {}, which is not configured",
            sourceId,
            commit.name(),
            check.detail());
        return CommitSignature.SIGNED;
      case INVALID:
      default:
        if (warned.add(sourceId + "@" + commit.name())) {
          LOG.warn(
              "Source {}: commit {} has a bad signature: {}. It is reported as SIGNED, not"
                  + " VERIFIED; find out who pushed it (was it changed after it was signed?) and"
                  + " check the trusted keys in security.signatures",
              sourceId,
              commit.name(),
              check.detail());
        }
        return CommitSignature.SIGNED;
    }
  }

  /**
   * What the signature covers: the raw commit without its gpgsig header (the header's first line
   * and every continuation line after it), as git computes it for {@code verify-commit}.
   */
  static byte[] payload(RevCommit commit) {
    byte[] raw = commit.getRawBuffer();
    int valueStart = RawParseUtils.headerStart(GPGSIG, raw, 0);
    if (valueStart < 0) {
      return raw;
    }
    int start = valueStart - GPGSIG.length - 1;
    int end = RawParseUtils.nextLfSkippingSplitLines(raw, valueStart);
    if (end < raw.length) {
      end++; // the header's last line feed goes too
    }
    byte[] payload = new byte[raw.length - (end - start)];
    System.arraycopy(raw, 0, payload, 0, start);
    System.arraycopy(raw, end, payload, start, raw.length - end);
    return payload;
  }
}
