package io.driftwatch.ingest.git.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.model.KubernetesObjects;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Renders a directory of plain YAML manifests the way {@code kubectl apply -R -f} reads them: every
 * {@code *.yaml} and {@code *.yml} file under the path, recursively, each document an object, items
 * of a {@code kind: List} expanded. kustomize's own {@code kustomization.yaml} is skipped
 * (rendering it is the kustomize renderer's job). Any problem is an error for its file or document
 * only.
 */
public final class PlainYamlRenderer implements ManifestRenderer {

  private static final String KUSTOMIZE_GROUP = "kustomize.config.k8s.io";
  private static final Set<String> KUSTOMIZATION_FILES =
      Set.of("kustomization.yaml", "kustomization.yml");

  private final YamlLimits limits;
  private final BoundedYamlReader reader;

  public PlainYamlRenderer() {
    this(YamlLimits.DEFAULTS);
  }

  public PlainYamlRenderer(YamlLimits limits) {
    this.limits = limits;
    this.reader = new BoundedYamlReader(limits);
  }

  @Override
  public RenderResult render(SourceTree tree, String path) throws IOException {
    List<RenderedManifest> manifests = new ArrayList<>();
    List<RenderError> errors = new ArrayList<>();
    for (String file : tree.files(path)) {
      if (!isYaml(file)) {
        continue;
      }
      List<JsonNode> documents;
      try {
        documents = reader.read(tree.read(file, limits.maxFileBytes()));
      } catch (FileTooLargeException e) {
        errors.add(new RenderError(file, e.getMessage()));
        continue;
      } catch (YamlReadException e) {
        errors.add(new RenderError(file, "invalid YAML: " + e.getMessage()));
        continue;
      }
      boolean kustomization = KUSTOMIZATION_FILES.contains(fileName(file));
      for (int i = 0; i < documents.size(); i++) {
        JsonNode document = documents.get(i);
        if (document == null || isKustomizeConfig(document, kustomization)) {
          continue;
        }
        String where = documents.size() == 1 ? "" : "document " + (i + 1) + ": ";
        collect(document, file, where, manifests, errors);
      }
    }
    return new RenderResult(manifests, errors);
  }

  private static void collect(
      JsonNode document,
      String file,
      String where,
      List<RenderedManifest> manifests,
      List<RenderError> errors) {
    if (!document.isObject()) {
      errors.add(
          new RenderError(
              file,
              where
                  + "not a Kubernetes object (the document is "
                  + describe(document)
                  + ", not a mapping)"));
      return;
    }
    if (KubernetesObjects.isList(document)) {
      JsonNode items = document.path("items");
      for (int j = 0; j < items.size(); j++) {
        collect(
            items.get(j), file, where + "item " + (j + 1) + " of the List: ", manifests, errors);
      }
      return;
    }
    List<String> missing = KubernetesObjects.missingIdentity(document);
    if (!missing.isEmpty()) {
      errors.add(
          new RenderError(
              file,
              where
                  + "not a Kubernetes object: missing "
                  + String.join(", ", missing)
                  + (missing.size() >= 2
                      ? " (is this a values or config file? keep such files outside the source path)"
                      : "")));
      return;
    }
    manifests.add(new RenderedManifest(file, (ObjectNode) document));
  }

  private static String describe(JsonNode document) {
    return switch (document.getNodeType()) {
      case ARRAY -> "a list";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      default -> "a " + document.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }

  /** kustomize's config (not an object for the cluster): by apiVersion, or by file name. */
  private static boolean isKustomizeConfig(JsonNode document, boolean kustomizationFile) {
    String apiVersion = document.path("apiVersion").asText("");
    if (apiVersion.startsWith(KUSTOMIZE_GROUP + "/")) {
      return true;
    }
    // kustomize accepts a kustomization.yaml without apiVersion and kind.
    String kind = document.path("kind").asText("");
    return kustomizationFile
        && apiVersion.isEmpty()
        && (kind.isEmpty() || kind.equals("Kustomization") || kind.equals("Component"));
  }

  private static boolean isYaml(String file) {
    String name = fileName(file).toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  private static String fileName(String file) {
    return file.substring(file.lastIndexOf('/') + 1);
  }
}
