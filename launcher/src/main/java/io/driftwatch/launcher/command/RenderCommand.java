package io.driftwatch.launcher.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import io.driftwatch.ingest.git.render.FileSystemSourceTree;
import io.driftwatch.ingest.git.render.RenderError;
import io.driftwatch.ingest.git.render.RenderResult;
import io.driftwatch.ingest.git.render.RenderedManifest;
import io.driftwatch.ingest.git.render.YamlLimits;
import io.driftwatch.ingest.git.render.kustomize.KustomizeRenderer;
import io.driftwatch.model.secret.SecretRedactor;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code driftwatch render}: renders one directory with the in-process kustomize renderer the
 * pipeline uses and prints the objects as a YAML stream, like {@code kubectl kustomize} (or, with
 * {@code --flux}, like Flux's kustomize-controller). Secret values are redacted unless asked for.
 */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Renders PATH as kustomize build (v5) does, in-process, and prints the objects as a YAML"
          + " stream (documents separated by ---) on stdout.",
      "Secret values are printed as hmac-sha256:<hex> under a random per-run key unless"
          + " --show-secrets is given."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:rendered; the objects are on stdout",
      "2:error: a usage error, PATH is not a directory or has no kustomization (without --flux),"
          + " or the render failed; the errors are on stderr and nothing is on stdout"
    },
    footer = {"", "See docs/cli-render.md."})
public final class RenderCommand implements Callable<Integer> {

  static final int EXIT_OK = 0;
  static final int EXIT_ERROR = 2;

  static final List<String> KUSTOMIZATION_FILES =
      List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

  /** A DNS-1123 label, what Kubernetes accepts as a namespace name. */
  private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "PATH",
      description = "The directory to render (a kustomization, or with --flux any directory).")
  Path path;

  @Option(
      names = "--flux",
      description =
          "Render PATH as Flux's kustomize-controller does: when it has no kustomization file,"
              + " every .yaml/.yml manifest under it, recursively (a subdirectory with a"
              + " kustomization is built as one). Without --flux such a PATH is an error, as for"
              + " kustomize build.")
  boolean flux;

  @Option(
      names = "--target-namespace",
      paramLabel = "NS",
      description =
          "Set metadata.namespace of every namespaced object to NS (Flux's targetNamespace);"
              + " cluster-scoped kinds keep none.")
  String targetNamespace;

  @Option(
      names = "--show-secrets",
      description =
          "Print Secret values as rendered (base64 in data) instead of redacted. They then appear"
              + " in your terminal, scrollback and any file the output goes to.")
  boolean showSecrets;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      List<ObjectNode> objects = render(err);
      if (objects == null) {
        err.flush();
        return EXIT_ERROR;
      }
      out.print(toYaml(objects));
      out.flush();
      return EXIT_OK;
    } catch (RenderInputException e) {
      err.println("driftwatch render: " + e.getMessage());
      err.flush();
      return EXIT_ERROR;
    } catch (IOException | UncheckedIOException e) {
      err.println("driftwatch render: cannot read " + path + ": " + e.getMessage());
      err.flush();
      return EXIT_ERROR;
    } catch (RuntimeException e) {
      // Renderer messages name files and fields, never values, so the exception can be shown.
      err.println("driftwatch render: internal error, nothing was rendered: " + e);
      err.flush();
      return EXIT_ERROR;
    }
  }

  /** The rendered objects, or null when the renderer reported errors (already printed). */
  private List<ObjectNode> render(PrintWriter err) throws IOException, RenderInputException {
    if (targetNamespace != null && !NAMESPACE.matcher(targetNamespace).matches()) {
      throw new RenderInputException(
          "--target-namespace "
              + targetNamespace
              + " is not a namespace name (lowercase letters, digits and '-', at most 63)");
    }
    Path directory = path.toAbsolutePath().normalize();
    if (!Files.isDirectory(directory)) {
      throw new RenderInputException(path + " is not a directory");
    }
    if (!flux && !hasKustomization(directory)) {
      throw new RenderInputException(
          "no kustomization.yaml, kustomization.yml or Kustomization in "
              + path
              + "; kustomize build needs one. Use --flux to render it as Flux does (every"
              + " manifest under it)");
    }
    Path root = repositoryRoot(directory);
    String relative = root.relativize(directory).toString().replace('\\', '/');
    RenderResult result =
        new KustomizeRenderer(YamlLimits.DEFAULTS, Optional.ofNullable(targetNamespace))
            .render(new FileSystemSourceTree(root), relative);
    if (!result.errors().isEmpty()) {
      for (RenderError error : result.errors()) {
        err.println("driftwatch render: " + error.path() + ": " + error.reason());
      }
      return null;
    }
    SecretRedactor redactor = showSecrets ? null : SecretRedactor.withRandomKey();
    List<ObjectNode> objects = new ArrayList<>(result.manifests().size());
    for (RenderedManifest manifest : result.manifests()) {
      ObjectNode object = manifest.manifest().deepCopy();
      objects.add(redactor == null ? object : redactor.redact(object));
    }
    return objects;
  }

  static boolean hasKustomization(Path directory) {
    return KUSTOMIZATION_FILES.stream()
        .anyMatch(name -> Files.isRegularFile(directory.resolve(name), LinkOption.NOFOLLOW_LINKS));
  }

  /**
   * The enclosing Git working tree (a {@code .git} directory or file), so that {@code ../base}
   * resolves as in the repository and errors name repository paths as the pipeline's do; the
   * file-system root when PATH is not in one.
   */
  static Path repositoryRoot(Path directory) {
    for (Path dir = directory; dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
        return dir;
      }
    }
    return directory.getRoot();
  }

  /**
   * The objects as a YAML stream: keys sorted at every level (as kubectl prints them), multi-line
   * strings as literal blocks, and every string quoted that a YAML 1.1 reader (kubectl's, and
   * driftwatch's own) would otherwise take for a number, boolean, null or timestamp.
   */
  static String toYaml(List<ObjectNode> objects) {
    StringBuilder out = new StringBuilder();
    for (ObjectNode object : objects) {
      if (!out.isEmpty()) {
        out.append("---\n");
      }
      try {
        out.append(YAML.writeValueAsString(sorted(object)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out.toString();
  }

  private static final YAMLMapper YAML =
      new YAMLMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .disable(YAMLGenerator.Feature.SPLIT_LINES)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
              .stringQuotingChecker(new Yaml11QuotingChecker())
              .build());

  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      Map<String, JsonNode> fields = new TreeMap<>();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        fields.put(field.getKey(), sorted(field.getValue()));
      }
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      copy.setAll(fields);
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode(node.size());
      node.forEach(item -> copy.add(sorted(item)));
      return copy;
    }
    return node;
  }

  /**
   * Quotes a plain scalar whenever SnakeYAML's YAML 1.1 resolver (the one driftwatch reads Git
   * with) would not read it back as a string: {@code on}, {@code 0755}, {@code 12:30} and {@code ~}
   * stay strings. Jackson's default check knows fewer of these.
   */
  private static final class Yaml11QuotingChecker extends StringQuotingChecker.Default {

    private static final long serialVersionUID = 1L;
    private static final Resolver RESOLVER = new Resolver();

    @Override
    public boolean needToQuoteName(String name) {
      return super.needToQuoteName(name) || !isPlainString(name);
    }

    @Override
    public boolean needToQuoteValue(String value) {
      return super.needToQuoteValue(value) || !isPlainString(value);
    }

    private static boolean isPlainString(String text) {
      return Tag.STR.equals(RESOLVER.resolve(NodeId.scalar, text, true));
    }
  }

  /** A bad argument, said in one line. */
  private static final class RenderInputException extends Exception {
    private static final long serialVersionUID = 1L;

    RenderInputException(String message) {
      super(message);
    }
  }
}
