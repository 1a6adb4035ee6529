package io.driftwatch.kafka.embedded;

import java.nio.file.Path;

/**
 * Runs a broker in a separate JVM for {@link EmbeddedKafkaBrokerIT}, so a second process can be
 * refused a data dir the way a second driftwatch would be. Prints READY, then runs until stdin
 * closes.
 */
public final class BrokerInChildProcess {

  private BrokerInChildProcess() {}

  public static void main(String[] args) throws Exception {
    KafkaLogLevels.applyDefaults(KafkaLogLevels.BROKER_SLF4J_SIMPLE);
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(Path.of(args[0]), 0)) {
      System.out.println("READY " + broker.bootstrapServers());
      System.out.flush();
      while (System.in.read() != -1) {
        // Wait for the parent to close our stdin (or die).
      }
    }
  }
}
