package io.driftwatch.ingest.git.render.kustomize.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parity with the oracle itself: {@code kubectl kustomize} (kustomize v5.5.0) still prints every
 * recorded fixture byte for byte, and on generated kustomizations it has never seen (random
 * literals, env files, binary and text files, options, Secret types) it names and fills every
 * object as this implementation does. Skips with the reason where kubectl is absent; in CI ({@code
 * CI=true}) kubectl must be there.
 */
class KubectlParityTest {

  private static final long SEED = Long.getLong("driftwatch.generatorSeed", 0x6E4E12A7L);
  private static final int GENERATED_CASES = Integer.getInteger("driftwatch.generatorCases", 30);
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void requireKubectl() {
    boolean present = kubectlPresent();
    if (!present && "true".equals(System.getenv("CI"))) {
      throw new AssertionError("CI must run with kubectl (kustomize v5.5.0) on the PATH");
    }
    Assumptions.assumeTrue(present, "no kubectl with kustomize v5.5.0 on the PATH");
  }

  static Stream<String> cases() throws IOException {
    return GeneratorFixtures.cases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void kubectlStillPrintsTheRecordedFixture(String name) throws Exception {
    Path dir = GeneratorFixtures.root().resolve(name);

    Result kubectl = kustomize(dir);

    assertThat(kubectl.stderr()).isEmpty();
    assertThat(kubectl.stdout()).isEqualTo(Files.readString(dir.resolve("expected.yaml")));
  }

  @Test
  void generatedKustomizationsRenderAsKubectlRendersThem(@TempDir Path root) throws Exception {
    Random random = new Random(SEED);
    int failures = 0;
    for (int i = 0; i < GENERATED_CASES; i++) {
      Path dir = Files.createDirectory(root.resolve("case-" + i));
      writeRandomKustomization(random, dir);
      String description =
          "seed "
              + SEED
              + " case "
              + i
              + ": "
              + Files.readString(dir.resolve("kustomization.yaml"));
      Result kubectl = kustomize(dir);
      if (!kubectl.succeeded()) {
        // Both refuse: kubectl with its message, this implementation with a GeneratorException.
        try {
          GeneratorFixtures.render(dir);
          throw new AssertionError(
              "kubectl refused it, this implementation built it\n"
                  + description
                  + "\nkubectl: "
                  + kubectl.stderr());
        } catch (GeneratorException expected) {
          failures++;
        }
        continue;
      }
      Files.writeString(dir.resolve("expected.yaml"), kubectl.stdout());

      List<String> rendered;
      try {
        rendered = GeneratorFixtures.render(dir).stream().map(ObjectNode::toString).toList();
      } catch (GeneratorException e) {
        throw new AssertionError(description + "\nkubectl built it:\n" + kubectl.stdout(), e);
      }
      List<String> expected =
          GeneratorFixtures.expected(dir).stream().map(ObjectNode::toString).toList();

      assertThat(rendered).as(description).containsExactlyElementsOf(expected);
    }
    // Most generated kustomizations must build, or the comparison above proves little.
    assertThat(failures).isLessThan(GENERATED_CASES / 4);
  }

  private static void writeRandomKustomization(Random random, Path dir) throws IOException {
    ObjectNode kustomization = JSON.createObjectNode();
    if (random.nextInt(3) == 0) {
      kustomization.set("generatorOptions", randomOptions(random));
    }
    ArrayNode configMaps = kustomization.putArray("configMapGenerator");
    ArrayNode secrets = kustomization.putArray("secretGenerator");
    for (int entry = 0; entry < 1 + random.nextInt(3); entry++) {
      boolean secret = random.nextBoolean();
      ObjectNode args = (secret ? secrets : configMaps).addObject();
      args.put("name", (secret ? "secret-" : "config-") + entry);
      if (random.nextInt(4) == 0) {
        args.put("namespace", "ns-" + random.nextInt(3));
      }
      if (secret && random.nextBoolean()) {
        args.put(
            "type",
            List.of("Opaque", "kubernetes.io/tls", "example.com/custom").get(random.nextInt(3)));
      }
      Set<String> keys = new LinkedHashSet<>();
      ArrayNode literals = args.putArray("literals");
      for (int n = random.nextInt(5); n > 0; n--) {
        literals.add(uniqueKey(random, keys) + "=" + literalValue(random));
      }
      ArrayNode envs = args.putArray("envs");
      if (random.nextBoolean()) {
        String envFile = "entry-" + entry + ".env";
        Files.writeString(dir.resolve(envFile), envFile(random, keys), StandardCharsets.UTF_8);
        envs.add(envFile);
      }
      ArrayNode files = args.putArray("files");
      for (int n = random.nextInt(3); n > 0; n--) {
        String key = uniqueKey(random, keys);
        String path = "data/" + entry + "-" + key + ".bin";
        Files.createDirectories(dir.resolve("data"));
        Files.write(dir.resolve(path), fileContent(random));
        files.add(random.nextBoolean() ? key + "=" + path : path);
        if (!files.get(files.size() - 1).asText().contains("=")) {
          keys.remove(key);
          keys.add(KeyValueLoader.baseName(path));
        }
      }
      if (random.nextInt(3) == 0) {
        args.set("options", randomOptions(random));
      }
    }
    // JSON is YAML: both kubectl and the YAML reader take it, with every value quoted.
    Files.writeString(
        dir.resolve("kustomization.yaml"),
        JSON.writerWithDefaultPrettyPrinter().writeValueAsString(kustomization),
        StandardCharsets.UTF_8);
  }

  private static ObjectNode randomOptions(Random random) {
    ObjectNode options = JSON.createObjectNode();
    if (random.nextBoolean()) {
      ObjectNode labels = options.putObject("labels");
      for (int n = 1 + random.nextInt(2); n > 0; n--) {
        labels.put("label-" + random.nextInt(3), "v" + random.nextInt(3));
      }
    }
    if (random.nextBoolean()) {
      // Not starting with a tab: kubectl cannot print an annotation that starts with a tab and
      // spans lines on any object, generated or not; that is the printer's business, not the
      // generator's.
      options.putObject("annotations").put("note-" + random.nextInt(2), "n" + literalValue(random));
    }
    if (random.nextInt(3) == 0) {
      options.put("disableNameSuffixHash", random.nextBoolean());
    }
    if (random.nextInt(3) == 0) {
      options.put("immutable", random.nextBoolean());
    }
    return options;
  }

  /**
   * Keys of letters, '-', '_' and '.', optionally ending in digits: no key YAML reads as a number,
   * and no set of keys that go-yaml's sort cannot order (kubectl's order varies there).
   */
  private static String uniqueKey(Random random, Set<String> keys) {
    String alphabet = "abcXYZ_-.";
    while (true) {
      StringBuilder key = new StringBuilder().append("kqv".charAt(random.nextInt(3)));
      for (int n = random.nextInt(6); n > 0; n--) {
        key.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      if (random.nextBoolean()) {
        key.append(random.nextInt(120));
      }
      if (keys.add(key.toString())) {
        return key.toString();
      }
    }
  }

  /**
   * Literal values with quotes (matched and not), '=', '#', spaces, tabs, newlines, HTML
   * characters, controls, leading tabs and non-ASCII text, some of which kubectl cannot print. No
   * U+0085/U+2028/U+2029: the YAML 1.1 reader under these tests would fold them in the
   * kustomization.
   */
  private static String literalValue(Random random) {
    String[] pieces = {
      "a",
      "Z",
      "0",
      "42",
      "=",
      "#",
      " ",
      "\t",
      "\n",
      "\r",
      "\"",
      "'",
      "<",
      ">",
      "&",
      "\\",
      "é",
      "日本",
      "\uD83D\uDE00",
      "yes",
      "true",
      "-",
      "{",
      "[",
      ",",
      "\b",
      "\f",
      "\u00a0",
      "\uFEFF",
      "\ufffd",
      " \n",
      "\t\n"
    };
    StringBuilder value = new StringBuilder();
    for (int n = random.nextInt(8); n > 0; n--) {
      value.append(pieces[random.nextInt(pieces.length)]);
    }
    String quote = List.of("", "", "\"", "'").get(random.nextInt(4));
    String lead = List.of("x", "x", "x", "\t", " ", "").get(random.nextInt(6));
    return lead + quote + value + quote;
  }

  private static String envFile(Random random, Set<String> keys) {
    StringBuilder file = new StringBuilder();
    if (random.nextInt(4) == 0) {
      file.append('\uFEFF');
    }
    String[] fillers = {"", "# comment", "  # indented = comment", "\t", "   "};
    String[] valuePieces = {"v", "=", " ", "\"q\"", "'s'", "#", "é", "\uD83D\uDE00", "\t", "1"};
    for (int n = 1 + random.nextInt(5); n > 0; n--) {
      if (random.nextInt(3) == 0) {
        file.append(fillers[random.nextInt(fillers.length)]).append('\n');
      }
      StringBuilder value = new StringBuilder();
      for (int m = random.nextInt(6); m > 0; m--) {
        value.append(valuePieces[random.nextInt(valuePieces.length)]);
      }
      file.append(random.nextInt(4) == 0 ? "  " : "").append(uniqueKey(random, keys));
      if (random.nextInt(6) != 0) {
        file.append('=').append(value);
      }
      file.append(random.nextInt(5) == 0 ? "\r\n" : "\n");
    }
    return file.toString();
  }

  private static byte[] fileContent(Random random) {
    if (random.nextBoolean()) {
      byte[] binary = new byte[random.nextInt(160)];
      random.nextBytes(binary);
      return binary;
    }
    String alphabet = "ab c\n\t\té=日<&>\"'";
    StringBuilder text = new StringBuilder();
    for (int n = random.nextInt(120); n > 0; n--) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static boolean kubectlPresent() {
    try {
      Process process =
          new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return process.waitFor(30, TimeUnit.SECONDS)
          && process.exitValue() == 0
          && out.contains("Kustomize Version: v5.5.0");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private record Result(boolean succeeded, String stdout, String stderr) {}

  private static Result kustomize(Path dir) throws IOException, InterruptedException {
    Path stdout = Files.createTempFile("kustomize", ".out");
    Path stderr = Files.createTempFile("kustomize", ".err");
    try {
      Process process =
          new ProcessBuilder("kubectl", "kustomize", dir.toString())
              .redirectOutput(stdout.toFile())
              .redirectError(stderr.toFile())
              .start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("kubectl kustomize " + dir + " did not finish in 60 s");
      }
      return new Result(
          process.exitValue() == 0, Files.readString(stdout), Files.readString(stderr));
    } finally {
      Files.deleteIfExists(stdout);
      Files.deleteIfExists(stderr);
    }
  }
}
