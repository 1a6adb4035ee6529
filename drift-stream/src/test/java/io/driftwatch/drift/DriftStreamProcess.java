package io.driftwatch.drift;

import io.driftwatch.model.KafkaSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;

/**
 * One drift-stream instance in a JVM of its own, for {@link DriftStreamFailoverIT}: the test can
 * then kill it without a clean close, as {@code kill -9} would. Prints {@link #READY} once Kafka
 * Streams is RUNNING and closes cleanly when its stdin closes.
 *
 * <p>Arguments: {@code <bootstrap servers> <application id> <state dir> [key=value ...]}; each
 * {@code key=value} is a Kafka client or Streams setting (such as {@code session.timeout.ms}),
 * passed the way the launcher passes {@code kafka.clientProperties}.
 */
public final class DriftStreamProcess {

  /** The line printed once the instance is RUNNING. */
  public static final String READY = "DRIFT-STREAM-READY";

  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private DriftStreamProcess() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println(
          "usage: DriftStreamProcess <bootstrap servers> <application id> <state dir>"
              + " [key=value ...]");
      System.exit(64);
    }
    Map<String, String> settings = new LinkedHashMap<>();
    for (int i = 3; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      if (eq <= 0) {
        System.err.println("not a key=value setting: " + args[i]);
        System.exit(64);
      }
      settings.put(args[i].substring(0, eq), args[i].substring(eq + 1));
    }
    KafkaSettings kafka = new KafkaSettings(args[0], Optional.empty(), Optional.empty(), settings);
    DriftStreamConfig config =
        new DriftStreamConfig(
            args[1],
            Path.of(args[2]),
            DriftStreamConfig.DEFAULT_COMMIT_INTERVAL,
            DriftStreamConfig.defaultComparison());
    try (DriftStream stream = new DriftStream(config, kafka)) {
      stream.start();
      long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
      while (stream.kafkaStreams().state() != KafkaStreams.State.RUNNING) {
        if (System.nanoTime() - deadline > 0 || isTerminal(stream)) {
          System.err.println(
              "drift-stream did not reach RUNNING: " + stream.kafkaStreams().state());
          System.exit(2);
        }
        Thread.sleep(50);
      }
      System.out.println(READY);
      System.out.flush();
      while (System.in.read() != -1) {
        // Runs until the test closes stdin (a clean stop) or kills this JVM.
      }
    }
  }

  private static boolean isTerminal(DriftStream stream) {
    KafkaStreams.State state = stream.kafkaStreams().state();
    return state == KafkaStreams.State.ERROR
        || state == KafkaStreams.State.NOT_RUNNING
        || state == KafkaStreams.State.PENDING_SHUTDOWN
        || state == KafkaStreams.State.PENDING_ERROR;
  }
}
