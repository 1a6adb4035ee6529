package io.driftwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.diff.DiffEngine;
import io.driftwatch.diff.DiffOptions;
import io.driftwatch.diff.DiffResult;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.secret.SecretRedactor;
import io.driftwatch.model.serde.Json;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Diff + normalise per resource ({@code DiffEngine.diff} on trees parsed beforehand) against the
 * baseline of parsing the live document's JSON with Jackson, for a ConfigMap, a Deployment and a
 * 5,000-line custom resource; and the same pair of measurements for an env list of 1,000 and 10,000
 * items, to show the engine is linear in list length. The target: diff of a Deployment at
 * most 1x its parse.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DiffBenchmark {

  /** One resource pair, parsed once; its live JSON bytes for the parse baseline. */
  @State(Scope.Benchmark)
  public static class Resources {

    @Param({"configmap", "deployment", "customresource"})
    public String resource;

    ObjectNode desired;
    ObjectNode live;
    byte[] liveJson;
    DiffEngine engine;

    @Setup(Level.Trial)
    public void setUp() {
      BenchManifests.Pair pair =
          switch (resource) {
            case "configmap" -> BenchManifests.configMap();
            case "deployment" -> BenchManifests.deployment();
            case "customresource" -> BenchManifests.customResource();
            default -> throw new IllegalArgumentException("unknown resource " + resource);
          };
      desired = pair.desired();
      live = pair.live();
      liveJson = pair.liveJson();
      engine = newEngine();
      requireInSync(engine.diff(desired, live), resource);
    }
  }

  /** A Deployment whose container has {@code items} env entries, reordered live. */
  @State(Scope.Benchmark)
  public static class EnvList {

    @Param({"1000", "10000"})
    public int items;

    ObjectNode desired;
    ObjectNode live;
    byte[] liveJson;
    DiffEngine engine;

    @Setup(Level.Trial)
    public void setUp() {
      BenchManifests.Pair pair = BenchManifests.envList(items);
      desired = pair.desired();
      live = pair.live();
      liveJson = pair.liveJson();
      engine = newEngine();
      requireInSync(engine.diff(desired, live), "env list of " + items);
    }
  }

  /**
   * The Deployment pair with one real drift (replicas 3 in Git, 2 live): the engine cannot confirm
   * the pair in sync cheaply, so it takes the full path (normalised copies of both sides, resolved
   * ownership, attribution of the difference). Compared with {@code parseLive} of the deployment.
   */
  @State(Scope.Benchmark)
  public static class Drifted {

    ObjectNode desired;
    ObjectNode live;
    DiffEngine engine;

    @Setup(Level.Trial)
    public void setUp() {
      BenchManifests.Pair pair = BenchManifests.deployment();
      desired = pair.desired();
      ((ObjectNode) desired.get("spec")).put("replicas", 3);
      live = pair.live();
      engine = newEngine();
      DiffResult result = engine.diff(desired, live);
      if (result.type() != DriftType.MODIFIED
          || result.fields().size() != 1
          || !"/spec/replicas".equals(result.fields().get(0).path())) {
        throw new IllegalStateException(
            "The drifted deployment should differ at /spec/replicas only, but " + result);
      }
    }
  }

  @Benchmark
  public JsonNode parseLive(Resources state) throws IOException {
    return Json.mapper().readTree(state.liveJson);
  }

  @Benchmark
  public DiffResult diff(Resources state) {
    return state.engine.diff(state.desired, state.live);
  }

  @Benchmark
  public DiffResult diffDrifted(Drifted state) {
    return state.engine.diff(state.desired, state.live);
  }

  @Benchmark
  public JsonNode parseLiveEnvList(EnvList state) throws IOException {
    return Json.mapper().readTree(state.liveJson);
  }

  @Benchmark
  public DiffResult diffEnvList(EnvList state) {
    return state.engine.diff(state.desired, state.live);
  }

  private static DiffEngine newEngine() {
    byte[] key = new byte[32];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) i;
    }
    return new DiffEngine(DiffOptions.defaults(new SecretRedactor(key)));
  }

  /**
   * The pairs are in sync, so the engine must compare every field; a verdict of drift would mean it
   * took a shorter path than the one to be measured (or a fixture or engine bug), and the figures
   * would be meaningless.
   */
  private static void requireInSync(DiffResult result, String what) {
    if (result.type() != DriftType.NONE) {
      throw new IllegalStateException(
          "The " + what + " pair should be in sync but the engine says " + result);
    }
  }
}
