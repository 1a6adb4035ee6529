package io.driftwatch.bench.ingest;

import io.driftwatch.ingest.git.publish.ChangePlanner;
import io.driftwatch.ingest.git.publish.DesiredStatePublisher;
import io.driftwatch.ingest.git.publish.PublishOutcome;
import io.driftwatch.ingest.git.render.DesiredSet;
import io.driftwatch.ingest.git.render.DesiredSetAssembler;
import io.driftwatch.ingest.git.render.RenderResult;
import io.driftwatch.ingest.git.render.YamlLimits;
import io.driftwatch.ingest.git.render.kustomize.KustomizeRenderer;
import io.driftwatch.ingest.git.repo.GitCommitTree;
import io.driftwatch.ingest.git.repo.RepositoryMirror;
import io.driftwatch.ingest.git.repo.ResolvedCommit;
import io.driftwatch.model.KafkaSettings;
import io.driftwatch.model.secret.SecretRedactor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The steps of one ingest-git poll, taken one by one with a timer around each, on the same
 * components ingest-git wires together: fetch, the RENDERING status transaction, render, assemble
 * the desired set, plan the changes (content hashes), and publish (which plans again, then sends
 * and commits the transaction). It runs as its own source and cluster, so its records never mix
 * with those of the ingest-git instance measured end to end.
 */
final class PhasedPipeline implements AutoCloseable {

  /** The timed steps, in the order a poll takes them. */
  enum Phase {
    FETCH("fetch and resolve the ref"),
    RENDERING_STATUS("RENDERING status transaction"),
    RENDER("render (kustomize, Flux-style path)"),
    ASSEMBLE("assemble the desired set (namespaces, Secret HMAC)"),
    PLAN("plan the changes (content hash of every object)"),
    TRANSACTION("publish: changed records + SYNCED, one transaction");

    final String label;

    Phase(String label) {
      this.label = label;
    }
  }

  private final String path;
  private final String cluster;
  private final RepositoryMirror mirror;
  private final KustomizeRenderer renderer;
  private final DesiredSetAssembler assembler;
  private final DesiredStatePublisher publisher;
  private final Map<Phase, Samples> samples = new EnumMap<>(Phase.class);

  PhasedPipeline(
      String sourceId,
      Path origin,
      String path,
      String cluster,
      Path workDir,
      KafkaSettings kafka,
      SecretRedactor redactor) {
    this.path = path;
    this.cluster = cluster;
    this.mirror = new RepositoryMirror(sourceId, origin.toString(), "main", workDir);
    this.renderer = new KustomizeRenderer(YamlLimits.DEFAULTS, Optional.empty());
    this.assembler = new DesiredSetAssembler(redactor);
    this.publisher = new DesiredStatePublisher(sourceId, kafka, Map.of(), Clock.systemUTC());
    for (Phase phase : Phase.values()) {
      samples.put(phase, new Samples());
    }
  }

  /**
   * Processes the commit the ref points at now, as a poll would; when {@code timed}, adds each
   * step's duration to {@link #samples()}.
   */
  PublishOutcome process(boolean timed) throws Exception {
    long start = System.nanoTime();
    ResolvedCommit commit = mirror.fetch();
    long fetched = System.nanoTime();
    publisher.rendering(commit.sha());
    long announced = System.nanoTime();
    GitCommitTree tree = mirror.tree(commit);
    if (!tree.isDirectory(path)) {
      throw new IllegalStateException(path + " is not a directory at " + commit.sha());
    }
    RenderResult rendered = renderer.render(tree, path);
    if (rendered.failed()) {
      throw new IllegalStateException("The fleet failed to render: " + rendered.errors());
    }
    long renderedAt = System.nanoTime();
    DesiredSet desired = assembler.assemble(rendered, cluster, "default");
    long assembled = System.nanoTime();
    ChangePlanner.plan(publisher.published(), desired);
    long planned = System.nanoTime();
    PublishOutcome outcome = publisher.publish(commit, desired);
    long published = System.nanoTime();
    if (timed) {
      samples.get(Phase.FETCH).add(fetched - start);
      samples.get(Phase.RENDERING_STATUS).add(announced - fetched);
      samples.get(Phase.RENDER).add(renderedAt - announced);
      samples.get(Phase.ASSEMBLE).add(assembled - renderedAt);
      samples.get(Phase.PLAN).add(planned - assembled);
      // publish() plans again before it sends: what is left is the transaction.
      samples
          .get(Phase.TRANSACTION)
          .add(Math.max(0, (published - planned) - (planned - assembled)));
    }
    return outcome;
  }

  Map<Phase, Samples> samples() {
    return samples;
  }

  @Override
  public void close() {
    publisher.close();
    mirror.close();
  }
}
