package io.driftwatch.ingest.git.repo;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.InterruptedByTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.SshException;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;

/** What a Git or SSH library exception says about why a fetch failed. */
final class FetchFailures {

  private static final Class<?>[] UNREACHABLE = {
    UnknownHostException.class,
    UnresolvedAddressException.class,
    ConnectException.class,
    NoRouteToHostException.class,
    PortUnreachableException.class,
    SocketTimeoutException.class,
    InterruptedByTimeoutException.class,
    TimeoutException.class,
    SSLException.class
  };

  private FetchFailures() {}

  /** DNS, connection refused or timed out, no route, TLS: the host could not be talked to. */
  static boolean unreachable(Throwable e) {
    for (Throwable t : chain(e)) {
      for (Class<?> type : UNREACHABLE) {
        if (type.isInstance(t)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The server said there is no repository at that URL (or none this identity may see). */
  static boolean notFound(Throwable e) {
    return find(e, NoRemoteRepositoryException.class) != null;
  }

  /** The SSH server tried every authentication method offered and accepted none. */
  static boolean sshAuthenticationRefused(Throwable e) {
    for (Throwable t : chain(e)) {
      if (t instanceof SshException ssh
          && ssh.getDisconnectCode()
              == SshConstants.SSH2_DISCONNECT_NO_MORE_AUTH_METHODS_AVAILABLE) {
        return true;
      }
    }
    return false;
  }

  /** HTTP 403: JGit words it as "git-upload-pack not permitted on '<url>'". */
  static boolean forbidden(Throwable e) {
    String message = messageOf(e);
    return message.contains("git-upload-pack not permitted");
  }

  /** The messages of the exception and its causes, each once, joined with ": ". */
  static String messageOf(Throwable e) {
    StringBuilder out = new StringBuilder(String.valueOf(e.getMessage()));
    List<Throwable> chain = chain(e);
    for (Throwable t : chain.subList(1, chain.size())) {
      if (t.getMessage() != null && !out.toString().contains(t.getMessage())) {
        out.append(": ").append(t.getMessage());
      }
    }
    return out.toString();
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t : chain(e)) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  /** The exception and its causes, each once, however the causes loop. */
  private static List<Throwable> chain(Throwable e) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Throwable> out = new ArrayList<>();
    for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
      out.add(t);
    }
    return out;
  }
}
