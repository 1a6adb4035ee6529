package io.driftwatch.kafka.embedded;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The server configuration of the single-node broker: combined broker and controller on loopback,
 * every replication factor and minimum ISR at 1 so transactions (Kafka Streams exactly_once_v2)
 * work on one node, and memory settings that fit a small heap.
 */
final class BrokerProperties {

  static final int NODE_ID = 1;
  static final String LOG_DIR_NAME = "kraft-combined-logs";
  static final String HOST = "127.0.0.1";

  private BrokerProperties() {}

  static Properties of(Path dataDir, int brokerPort, int controllerPort) {
    Properties p = new Properties();
    p.setProperty("process.roles", "broker,controller");
    p.setProperty("node.id", Integer.toString(NODE_ID));
    p.setProperty("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
    p.setProperty(
        "listeners",
        "PLAINTEXT://" + HOST + ":" + brokerPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
    p.setProperty("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
    p.setProperty("controller.listener.names", "CONTROLLER");
    p.setProperty("inter.broker.listener.name", "PLAINTEXT");
    p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.setProperty("log.dirs", logDir(dataDir).toString());

    // One node: anything above 1 would leave internal topics unavailable forever.
    p.setProperty("num.partitions", "1");
    p.setProperty("default.replication.factor", "1");
    p.setProperty("min.insync.replicas", "1");
    p.setProperty("offsets.topic.replication.factor", "1");
    p.setProperty("transaction.state.log.replication.factor", "1");
    p.setProperty("transaction.state.log.min.isr", "1");
    p.setProperty("share.coordinator.state.topic.replication.factor", "1");
    p.setProperty("share.coordinator.state.topic.min.isr", "1");
    // 50 partitions each (the default) cost start-up time and open files for no gain on one node.
    p.setProperty("offsets.topic.num.partitions", "5");
    p.setProperty("transaction.state.log.num.partitions", "5");

    // Consumers and Kafka Streams join at once instead of waiting 3 s for more members.
    p.setProperty("group.initial.rebalance.delay.ms", "0");
    // The default 128 MiB on-heap dedupe buffer alone exhausts a small heap.
    p.setProperty("log.cleaner.dedupe.buffer.size", Integer.toString(2 * 1024 * 1024));
    // driftwatch provisions its topics; a typo must not silently create a one-partition topic.
    // Kafka Streams creates its internal topics through the admin API, which this does not affect.
    p.setProperty("auto.create.topics.enable", "false");
    // Few threads suffice for one laptop's traffic and keep the footprint small.
    p.setProperty("num.network.threads", "2");
    p.setProperty("num.io.threads", "4");
    p.setProperty("num.recovery.threads.per.data.dir", "1");
    return p;
  }

  static Path logDir(Path dataDir) {
    return dataDir.resolve(LOG_DIR_NAME);
  }
}
