package io.driftwatch.ingest.git.repo;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.file.Path;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.ee11.servlet.security.ConstraintMapping;
import org.eclipse.jetty.ee11.servlet.security.ConstraintSecurityHandler;
import org.eclipse.jetty.security.Constraint;
import org.eclipse.jetty.security.HashLoginService;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.security.authentication.BasicAuthenticator;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.security.Password;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.transport.resolver.FileResolver;

/**
 * A real Git smart-HTTP server for tests: JGit's GitServlet in Jetty on 127.0.0.1, serving every
 * repository under a root directory. Repositories under {@code private/} need HTTP Basic
 * authentication with a user this server knows; the rest are public.
 */
final class GitHttpServer implements AutoCloseable {

  private static final String ROLE = "git-reader";

  private final Server server;
  private final UserStore users = new UserStore();

  private GitHttpServer(Server server) {
    this.server = server;
  }

  /** Starts serving the repositories under {@code root} on a free port. */
  static GitHttpServer start(Path root) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    GitHttpServer git = new GitHttpServer(server);

    GitServlet servlet = new GitServlet();
    servlet.setRepositoryResolver(new FileResolver<HttpServletRequest>(root.toFile(), true));
    ServletContextHandler context = new ServletContextHandler("/", ServletContextHandler.SECURITY);
    context.addServlet(new ServletHolder(servlet), "/*");

    HashLoginService login = new HashLoginService("git");
    login.setUserStore(git.users);
    ConstraintMapping privateRepos = new ConstraintMapping();
    privateRepos.setPathSpec("/private/*");
    privateRepos.setConstraint(Constraint.from(ROLE));
    ConstraintSecurityHandler security = (ConstraintSecurityHandler) context.getSecurityHandler();
    security.setLoginService(login);
    security.setAuthenticator(new BasicAuthenticator());
    security.addConstraintMapping(privateRepos);

    server.setHandler(context);
    server.start();
    return git;
  }

  /** Lets {@code user} in with {@code password} from now on, replacing any earlier password. */
  GitHttpServer allow(String user, String password) {
    users.removeUser(user);
    users.addUser(user, new Password(password), new String[] {ROLE});
    return this;
  }

  /** {@code http://127.0.0.1:<port>/<path>}. */
  String url(String path) {
    return "http://127.0.0.1:"
        + ((ServerConnector) server.getConnectors()[0]).getLocalPort()
        + "/"
        + path;
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("the test Git HTTP server did not stop", e);
    }
  }
}
