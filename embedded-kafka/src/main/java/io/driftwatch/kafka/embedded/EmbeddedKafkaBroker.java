package io.driftwatch.kafka.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node KRaft broker (broker and controller in one) running in this JVM, listening on
 * 127.0.0.1 only, with its data under a directory that survives restarts. Start it with {@link
 * #start(Path, int)}; it is ready for clients when {@code start} returns.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

  /** How long {@link #start} waits for the broker to answer an admin request. */
  public static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  /** How long a start that timed out may take to settle before the broker is shut down. */
  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

  private final Path dataDir;
  private final String bootstrapServers;
  private final KafkaRaftServer server;
  private final DataDirLock lock;
  private boolean closed;

  private EmbeddedKafkaBroker(
      Path dataDir, String bootstrapServers, KafkaRaftServer server, DataDirLock lock) {
    this.dataDir = dataDir;
    this.bootstrapServers = bootstrapServers;
    this.server = server;
    this.lock = lock;
  }

  /**
   * Formats {@code dataDir} if it holds no broker yet (keeping the cluster id of an earlier run
   * otherwise), starts the broker and waits until it answers. {@code port} 0 picks a free port.
   *
   * @throws EmbeddedKafkaException when the port is taken, the directory is in use or not writable,
   *     or the broker is not ready within {@link #READY_TIMEOUT}; the message names the fix
   */
  public static EmbeddedKafkaBroker start(Path dataDir, int port) {
    return start(dataDir, port, READY_TIMEOUT);
  }

  static EmbeddedKafkaBroker start(Path dataDir, int port, Duration readyTimeout) {
    if (port < 0 || port > 65_535) {
      throw new EmbeddedKafkaException(
          "Kafka port "
              + port
              + " is out of range: set kafka.embedded.port to 1-65535, or 0 for any free port.");
    }
    long startNanos = System.nanoTime();
    Path dir = prepareDataDir(dataDir);
    DataDirLock lock = DataDirLock.acquire(dir);
    try {
      int brokerPort = port == 0 ? freePort() : requireFree(port);
      int controllerPort = freePort();
      Properties props = BrokerProperties.of(dir, brokerPort, controllerPort);
      formatIfNeeded(dir, props);
      KafkaRaftServer server =
          new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
      String bootstrap = BrokerProperties.HOST + ":" + brokerPort;
      startAndAwaitReady(server, bootstrap, brokerPort, dir, readyTimeout);
      LOG.info(
          "Embedded Kafka broker ready at {} in {} ms (data in {})",
          bootstrap,
          Duration.ofNanos(System.nanoTime() - startNanos).toMillis(),
          dir);
      return new EmbeddedKafkaBroker(dir, bootstrap, server, lock);
    } catch (BrokerStillRunningException e) {
      throw e; // Its broker may still write to the dir: keep the dir locked.
    } catch (RuntimeException | Error e) {
      lock.close();
      throw e;
    }
  }

  /** {@code host:port} for the {@code bootstrap.servers} client property. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** The directory holding the broker's metadata and logs. */
  public Path dataDir() {
    return dataDir;
  }

  /**
   * Shuts the broker down (a controlled shutdown: partitions are closed cleanly, so the next start
   * needs no log recovery) and waits until it has stopped. Calling it again does nothing.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      server.shutdown();
      server.awaitShutdown();
      LOG.info("Embedded Kafka broker at {} stopped", bootstrapServers);
    } finally {
      lock.close();
    }
  }

  private static Path prepareDataDir(Path dataDir) {
    Path dir = dataDir.toAbsolutePath().normalize();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new EmbeddedKafkaException(
          "Cannot create Kafka data dir "
              + dir
              + " ("
              + e
              + "). Set kafka.embedded.dataDir to a directory this user can write.",
          e);
    }
    if (!Files.isWritable(dir)) {
      throw new EmbeddedKafkaException(
          "Kafka data dir "
              + dir
              + " is not writable. Set kafka.embedded.dataDir to a directory this user can write.");
    }
    return dir;
  }

  private static void formatIfNeeded(Path dir, Properties props) {
    Path logDir = BrokerProperties.logDir(dir);
    if (Files.exists(logDir.resolve("meta.properties"))) {
      return; // Formatted by an earlier run: keep its cluster id, topics and offsets.
    }
    Path serverProperties = dir.resolve("server.properties");
    try (OutputStream out = Files.newOutputStream(serverProperties)) {
      props.store(out, "Written by driftwatch to format the embedded broker's storage");
    } catch (IOException e) {
      throw new EmbeddedKafkaException(
          "Kafka data dir "
              + dir
              + " is not writable ("
              + e
              + "). Set kafka.embedded.dataDir to a directory this user can write.",
          e);
    }
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int status;
    try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      status =
          StorageTool.execute(
              new String[] {
                "format",
                "-t",
                Uuid.randomUuid().toString(),
                "-c",
                serverProperties.toString(),
                "--ignore-formatted"
              },
              print);
    } catch (RuntimeException e) {
      throw new EmbeddedKafkaException(
          "Formatting Kafka data dir " + dir + " failed: " + e.getMessage(), e);
    }
    if (status != 0) {
      throw new EmbeddedKafkaException(
          "Formatting Kafka data dir "
              + dir
              + " failed (status "
              + status
              + "): "
              + output.toString(StandardCharsets.UTF_8).strip());
    }
  }

  private static void startAndAwaitReady(
      KafkaRaftServer server, String bootstrap, int brokerPort, Path dir, Duration readyTimeout) {
    long deadline = System.nanoTime() + readyTimeout.toNanos();
    // startup() blocks until the broker is unfenced; run it aside so the timeout holds even then.
    // That thread is never interrupted: an interrupt during log loading is a fatal fault to Kafka,
    // which then halts the whole JVM.
    ExecutorService starter =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "embedded-kafka-startup");
              t.setDaemon(true);
              return t;
            });
    Future<?> started = starter.submit(server::startup);
    starter.shutdown();
    try {
      started.get(remainingNanos(deadline), TimeUnit.NANOSECONDS);
      awaitAdminAnswers(bootstrap, deadline);
    } catch (TimeoutException e) {
      stopAfterStartupSettles(server, started, dir);
      throw notReady(bootstrap, dir, readyTimeout, e);
    } catch (ExecutionException e) {
      shutdownQuietly(server);
      throw startupFailed(e.getCause(), brokerPort, dir);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopAfterStartupSettles(server, started, dir);
      throw new EmbeddedKafkaException("Interrupted while starting the Kafka broker", e);
    } catch (RuntimeException e) {
      stopAfterStartupSettles(server, started, dir);
      throw e;
    }
  }

  /**
   * Kafka's startup does not tolerate a concurrent shutdown (a shutdown racing it can end in a
   * fatal fault that halts the JVM), so let a late startup finish or fail first. If it is stuck
   * even after the grace period, the broker is left running and the data dir stays locked.
   */
  private static void stopAfterStartupSettles(KafkaRaftServer server, Future<?> started, Path dir) {
    try {
      started.get(SHUTDOWN_GRACE.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      // It failed on its own; shutting down below releases what it had started.
    } catch (TimeoutException e) {
      throw new BrokerStillRunningException(
          "The embedded Kafka broker on data dir "
              + dir
              + " neither started nor failed within "
              + SHUTDOWN_GRACE.toSeconds()
              + " s more; it is left running and the dir stays locked until this JVM exits.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BrokerStillRunningException(
          "Interrupted while stopping a half-started Kafka broker on data dir " + dir);
    }
    shutdownQuietly(server);
  }

  private static void awaitAdminAnswers(String bootstrap, long deadline)
      throws InterruptedException, TimeoutException {
    Map<String, Object> config =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            AdminClientConfig.CLIENT_ID_CONFIG,
            "embedded-kafka-readiness");
    try (Admin admin = Admin.create(config)) {
      while (true) {
        long remaining = remainingNanos(deadline);
        if (remaining <= 0) {
          throw new TimeoutException("the broker did not answer describeCluster");
        }
        try {
          if (!admin
              .describeCluster()
              .nodes()
              .get(Math.min(remaining, TimeUnit.SECONDS.toNanos(5)), TimeUnit.NANOSECONDS)
              .isEmpty()) {
            return;
          }
        } catch (ExecutionException | TimeoutException e) {
          // Not answering yet; the deadline decides.
        }
        Thread.sleep(50);
      }
    }
  }

  private static EmbeddedKafkaException startupFailed(Throwable cause, int brokerPort, Path dir) {
    if (isBindFailure(cause)) {
      return new EmbeddedKafkaException(
          "Kafka port "
              + brokerPort
              + " (or the controller port) on "
              + BrokerProperties.HOST
              + " is already in use. Set kafka.embedded.port to a free port, or 0 to pick one.",
          cause);
    }
    return new EmbeddedKafkaException(
        "The embedded Kafka broker on data dir " + dir + " failed to start: " + cause, cause);
  }

  private static EmbeddedKafkaException notReady(
      String bootstrap, Path dir, Duration readyTimeout, Throwable cause) {
    return new EmbeddedKafkaException(
        "The embedded Kafka broker at "
            + bootstrap
            + " was not ready within "
            + (readyTimeout.toMillis() % 1000 == 0
                ? readyTimeout.toSeconds() + " s"
                : readyTimeout.toMillis() + " ms")
            + " (data dir "
            + dir
            + "). Check the log above for broker errors; if the data dir is on a slow or full"
            + " disk, set kafka.embedded.dataDir to a local directory.",
        cause);
  }

  private static boolean isBindFailure(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof java.net.BindException) {
        return true;
      }
      String message = c.getMessage();
      if (message != null && message.contains("failed to bind")) {
        return true;
      }
    }
    return false;
  }

  private static int requireFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(BrokerProperties.HOST), port));
      return port;
    } catch (IOException e) {
      throw new EmbeddedKafkaException(
          "Kafka port "
              + port
              + " on "
              + BrokerProperties.HOST
              + " is already in use. Set kafka.embedded.port to a free port, or 0 to pick one.",
          e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(BrokerProperties.HOST), 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port on " + BrokerProperties.HOST, e);
    }
  }

  private static long remainingNanos(long deadline) {
    return deadline - System.nanoTime();
  }

  private static void shutdownQuietly(KafkaRaftServer server) {
    try {
      server.shutdown();
      server.awaitShutdown();
    } catch (RuntimeException e) {
      LOG.warn("Shutting down the embedded Kafka broker after a failed start also failed", e);
    }
  }

  /** A failed start whose broker could not be stopped: the data dir lock must stay held. */
  private static final class BrokerStillRunningException extends EmbeddedKafkaException {
    BrokerStillRunningException(String message) {
      super(message);
    }
  }
}
