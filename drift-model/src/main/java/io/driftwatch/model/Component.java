package io.driftwatch.model;

/**
 * One driftwatch stage as the launcher runs it: started once, asked whether it is healthy for
 * {@code /healthz}, closed once on shutdown. {@code run} starts several in one JVM; each component
 * subcommand starts one.
 */
public interface Component extends AutoCloseable {

  /**
   * The stage's name as the CLI and logs spell it: ingest-git, ingest-cluster, drift-stream,
   * alert-sink.
   */
  String name();

  /**
   * Starts the component's threads and returns; failures to reach Kafka or a source are reported,
   * not thrown.
   */
  void start();

  /** True while the component is doing its job; false when it has failed and needs attention. */
  boolean healthy();

  /** Stops the component's threads and releases its clients. Never throws. */
  @Override
  void close();
}
