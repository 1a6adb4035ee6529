package io.driftwatch.bench.ingest;

import io.driftwatch.ingest.git.render.FileSystemSourceTree;
import io.driftwatch.ingest.git.render.RenderResult;
import io.driftwatch.ingest.git.render.kustomize.KustomizeRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rendering the generated fleet: one overlay in-process ({@link KustomizeRenderer} on the files on
 * disk) against the same overlay built by a {@code kubectl kustomize} subprocess, each call taking
 * the next of the fleet's overlays in turn; and the whole fleet (every overlay, rendered as Flux
 * renders a path without a kustomization) in-process. Each in-process call uses a new renderer, so
 * it builds everything, as kubectl does; {@code fleetReusingBases} renders the unchanged fleet
 * again with one renderer, which reuses every base (what a commit that changes none of the fleet's
 * files costs). Sample time, so the report has the median (p0.50) of each. The target:
 * in-process at least 5x faster per overlay than kubectl.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RenderBenchmark {

  /** The fleet on disk, checked against kubectl before anything is measured. */
  @State(Scope.Benchmark)
  public static class Fleet {

    @Param({"100"})
    public int overlays;

    Path root;
    GeneratedFleet fleet;
    FileSystemSourceTree tree;
    KustomizeRenderer reusing;
    KubectlKustomize kubectl;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
      root = Files.createTempDirectory("driftwatch-bench-fleet-");
      fleet = GeneratedFleet.write(root, overlays);
      tree = new FileSystemSourceTree(root);
      KustomizeRenderer renderer = new KustomizeRenderer();
      kubectl = KubectlKustomize.locate();
      // Both sides must build the same objects, or the comparison would measure a shortcut.
      for (int team : new int[] {1, (overlays + 1) / 2, overlays}) {
        String overlay = fleet.overlay(team);
        RenderParity.requireSame(
            overlay, renderer.render(tree, overlay), kubectl.build(root.resolve(overlay)));
      }
      reusing = new KustomizeRenderer();
      RenderResult all = reusing.render(tree, GeneratedFleet.OVERLAYS);
      if (all.failed() || !all.errors().isEmpty() || all.manifests().size() != fleet.objects()) {
        throw new IllegalStateException(
            "The fleet rendered "
                + all.manifests().size()
                + " objects, expected "
                + fleet.objects()
                + "; errors: "
                + all.errors());
      }
    }

    /** The next overlay in turn, so a run covers every overlay, the same ones for both sides. */
    String nextOverlay() {
      next = next % overlays + 1;
      return fleet.overlay(next);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }

  @Benchmark
  public RenderResult overlayInProcess(Fleet fleet) throws IOException {
    return new KustomizeRenderer().render(fleet.tree, fleet.nextOverlay());
  }

  @Benchmark
  public byte[] overlayKubectl(Fleet fleet) {
    return fleet.kubectl.build(fleet.root.resolve(fleet.nextOverlay()));
  }

  @Benchmark
  public RenderResult fleetInProcess(Fleet fleet) throws IOException {
    return new KustomizeRenderer().render(fleet.tree, GeneratedFleet.OVERLAYS);
  }

  @Benchmark
  public RenderResult fleetReusingBases(Fleet fleet) throws IOException {
    return fleet.reusing.render(fleet.tree, GeneratedFleet.OVERLAYS);
  }
}
