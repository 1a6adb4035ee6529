package io.driftwatch.launcher.config;

import io.driftwatch.alert.AlertSinkConfig;
import io.driftwatch.drift.DriftStreamConfig;
import io.driftwatch.ingest.cluster.ClusterIngestConfig;
import io.driftwatch.ingest.git.GitIngestConfig;
import io.driftwatch.ingest.git.webhook.ReceiverConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The validated configuration of one driftwatch process: one immutable record per component, built
 * by {@link ConfigLoader}. Relative paths in the file are already resolved against the file's
 * directory.
 *
 * @param dataDir where driftwatch keeps state: Git mirrors, Kafka Streams state, the embedded
 *     broker, a generated key
 * @param secretHmacKeyFile the key for Secret HMACs; empty means a key generated once under {@code
 *     dataDir}
 * @param receivers the webhooks that make ingest-git poll at once, served under {@code /hooks/}
 */
public record DriftwatchConfig(
    Path configFile,
    Path dataDir,
    KafkaConfig kafka,
    Optional<Path> secretHmacKeyFile,
    AlertSinkConfig http,
    GitIngestConfig git,
    ClusterIngestConfig clusters,
    DriftStreamConfig driftStream,
    List<ReceiverConfig> receivers) {

  public DriftwatchConfig {
    receivers = receivers == null ? List.of() : List.copyOf(receivers);
  }
}
