package io.driftwatch.ingest.git.discover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.ingest.git.GitSourceConfig;
import io.driftwatch.ingest.git.render.kustomize.BuildOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sources from Flux {@code kustomize.toolkit.fluxcd.io} Kustomizations: the repository and ref of
 * the GitRepository (or the ExternalArtifact of an ArtifactGenerator) the Kustomization's {@code
 * sourceRef} names, its {@code path}, {@code targetNamespace}, {@code patches}, {@code images},
 * {@code components} and {@code commonMetadata}, its cluster (the fleet's, or a mapped {@code
 * kubeConfig}), polled at the GitRepository's interval (Flux applies a new revision as soon as the
 * source has it, so that is when desired changes). A field driftwatch does not apply blocks the
 * source with a problem that names it: it is never rendered differently from what Flux applies.
 */
final class FluxSourceDeriver {

  static final String KUSTOMIZE_GROUP = "kustomize.toolkit.fluxcd.io";
  static final String SOURCE_GROUP = "source.toolkit.fluxcd.io";
  static final String EXTENSIONS_GROUP = "source.extensions.fluxcd.io";

  /** Flux bootstrap's GitRepository, which points at the fleet repository itself. */
  static final String BOOTSTRAP = "flux-system/flux-system";

  /** Flux's default when a GitRepository has no {@code spec.ref}. */
  static final String FLUX_DEFAULT_BRANCH = "master";

  /** Kustomization fields that would change what Flux applies and that driftwatch does not do. */
  private static final Map<String, String> UNSUPPORTED =
      Map.of(
          "postBuild", "spec.postBuild (variable substitution)",
          "namePrefix", "spec.namePrefix",
          "nameSuffix", "spec.nameSuffix",
          "patchesStrategicMerge", "spec.patchesStrategicMerge (move the patches to spec.patches)",
          "patchesJson6902", "spec.patchesJson6902 (move the patches to spec.patches)");

  private final Fleet fleet;
  private final Findings findings;
  private final Map<String, FleetObject> gitRepositories = new LinkedHashMap<>();
  private final List<FleetObject> generators = new ArrayList<>();

  private FluxSourceDeriver(Fleet fleet, Findings findings) {
    this.fleet = fleet;
    this.findings = findings;
  }

  static void derive(Fleet fleet, List<FleetObject> objects, Findings findings) {
    FluxSourceDeriver deriver = new FluxSourceDeriver(fleet, findings);
    for (FleetObject object : objects) {
      if (object.is(SOURCE_GROUP, "GitRepository")) {
        deriver.gitRepositories.putIfAbsent(object.namespace() + "/" + object.name(), object);
      } else if (object.is(EXTENSIONS_GROUP, "ArtifactGenerator")) {
        deriver.generators.add(object);
      }
    }
    for (FleetObject object : objects) {
      if (object.is(KUSTOMIZE_GROUP, "Kustomization")) {
        deriver.kustomization(object);
      }
    }
  }

  private void kustomization(FleetObject k) {
    String id = ChildIds.flux(fleet.id(), k.namespace(), k.name());
    JsonNode spec = k.spec();
    if (spec.path("suspend").asBoolean(false)) {
      findings.suspended(
          id,
          k,
          k.describe()
              + " is suspended (spec.suspend: true): not rendered; what it published stands until"
              + " it is resumed");
      return;
    }
    List<String> unsupported = new ArrayList<>();
    UNSUPPORTED.forEach(
        (field, name) -> {
          if (present(spec.get(field))) {
            unsupported.add(name);
          }
        });
    if (spec.path("ignoreMissingComponents").asBoolean(false)) {
      unsupported.add("spec.ignoreMissingComponents");
    }
    if (!unsupported.isEmpty()) {
      findings.blocked(
          id,
          k,
          k.describe()
              + ": "
              + String.join(", ", unsupported.stream().sorted().toList())
              + (unsupported.size() == 1 ? " is" : " are")
              + " not applied by driftwatch, so its rendering would differ from what Flux"
              + " applies; the source is not rendered until the field is removed",
          false);
      return;
    }
    Optional<String> cluster = cluster(k);
    if (cluster.isEmpty()) {
      return;
    }
    Optional<String> path = relativePath(spec.path("path").asText(""));
    if (path.isEmpty()) {
      findings.blocked(
          id,
          k,
          k.describe()
              + ": spec.path '"
              + spec.path("path").asText()
              + "' leaves the source's root; write a path relative to it such as ./apps",
          false);
      return;
    }
    Optional<BuildOptions> build = buildOptions(id, k);
    if (build.isEmpty()) {
      return;
    }
    JsonNode ref = spec.path("sourceRef");
    String refKind = ref.path("kind").asText("");
    String refNamespace = ref.path("namespace").asText(k.namespace());
    String refName = ref.path("name").asText("");
    List<String> dependsOn = new ArrayList<>();
    String repoPath = path.get();
    BuildOptions options = build.get();
    Origin origin;
    if (refKind.equals("GitRepository")) {
      origin = gitRepository(id, k, refNamespace, refName);
    } else if (refKind.equals("ExternalArtifact")) {
      FleetObject generator = generatorOf(refNamespace, refName);
      if (generator == null) {
        findings.blocked(
            id,
            k,
            k.describe()
                + ": spec.sourceRef names ExternalArtifact "
                + refNamespace
                + "/"
                + refName
                + ", which no ArtifactGenerator in the fleet makes at this commit; add the"
                + " ArtifactGenerator to the fleet's path",
            true);
        return;
      }
      ArtifactLayout.Layout layout = ArtifactLayout.of(generator, refName);
      if (layout.problem() != null) {
        findings.blocked(id, k, k.describe() + ": " + layout.problem(), false);
        return;
      }
      ArtifactLayout artifact = layout.layout();
      Optional<String> inRepository = artifact.repositoryPath(repoPath);
      if (inRepository.isEmpty()) {
        findings.blocked(
            id,
            k,
            k.describe()
                + ": spec.path '"
                + repoPath
                + "' is outside every directory "
                + generator.describe()
                + " copies into artifact '"
                + refName
                + "' ("
                + String.join(", ", artifact.artifactDirectories())
                + ")",
            false);
        return;
      }
      if (!artifact.sourceKind().equals("GitRepository")) {
        findings.blocked(
            id,
            k,
            k.describe()
                + ": artifact '"
                + refName
                + "' is made from a "
                + artifact.sourceKind()
                + "; driftwatch reads Git repositories only",
            false);
        return;
      }
      dependsOn.add(generator.path());
      repoPath = inRepository.get();
      options = options.withVisibleRoots(artifact.copied());
      origin = gitRepository(id, k, artifact.sourceNamespace(), artifact.sourceName());
    } else {
      findings.blocked(
          id,
          k,
          k.describe()
              + ": spec.sourceRef kind '"
              + refKind
              + "' is not supported; driftwatch reads GitRepository and ExternalArtifact"
              + " (from an ArtifactGenerator over a GitRepository) sources",
          false);
      return;
    }
    if (origin == null) {
      return;
    }
    origin.file().ifPresent(dependsOn::add);
    Duration interval =
        Optional.ofNullable(origin.interval())
            .or(() -> Optional.ofNullable(GoDuration.parse(spec.path("interval").asText(null))))
            .orElse(fleet.source().pollInterval());
    GitSourceConfig config =
        new GitSourceConfig(
            id,
            origin.repository(),
            origin.ref(),
            repoPath,
            cluster.get(),
            fleet.source().defaultNamespace(),
            atLeastOneSecond(interval),
            spec.path("targetNamespace").asText(null));
    findings.ready(DiscoveredSource.ready(k.describe(), k.path(), dependsOn, config, options));
  }

  /** Where the source is read from; null after a problem was reported. */
  private Origin gitRepository(String id, FleetObject k, String namespace, String name) {
    FleetObject repository = gitRepositories.get(namespace + "/" + name);
    if (repository == null) {
      if ((namespace + "/" + name).equals(BOOTSTRAP)) {
        // Flux bootstrap creates this GitRepository for the fleet repository itself; fleets often
        // keep it out of the rendered path (a generated gotk-sync.yaml).
        findings.note(
            k.path()
                + ": "
                + k.describe()
                + " reads GitRepository "
                + BOOTSTRAP
                + ", which is not in the fleet: taken as Flux bootstrap's, the fleet repository at"
                + " ref "
                + fleet.source().ref());
        return new Origin(
            fleet.source().repository(), fleet.source().ref(), fleet.source().pollInterval(), null);
      }
      findings.blocked(
          id,
          k,
          k.describe()
              + ": spec.sourceRef names GitRepository "
              + namespace
              + "/"
              + name
              + ", which is not in the fleet at this commit; add it to the fleet's path",
          true);
      return null;
    }
    JsonNode spec = repository.spec();
    List<String> unsupported = new ArrayList<>();
    if (present(spec.get("include"))) {
      unsupported.add("spec.include");
    }
    if (present(spec.get("ignore"))) {
      unsupported.add("spec.ignore");
    }
    if (spec.path("recurseSubmodules").asBoolean(false)) {
      unsupported.add("spec.recurseSubmodules");
    }
    if (!unsupported.isEmpty()) {
      findings.blocked(
          id,
          k,
          k.describe()
              + ": its "
              + repository.describe()
              + " ("
              + repository.path()
              + ") sets "
              + String.join(", ", unsupported)
              + ", which driftwatch does not apply to the files it reads; the source is not"
              + " rendered until the field is removed",
          false);
      return null;
    }
    String url = spec.path("url").asText("");
    if (url.isBlank()) {
      findings.blocked(
          id, k, k.describe() + ": " + repository.describe() + " has no spec.url", false);
      return null;
    }
    if (spec.path("suspend").asBoolean(false)) {
      findings.suspended(
          id,
          k,
          k.describe()
              + " reads "
              + repository.describe()
              + ", which is suspended: no new revision reaches it; what it published stands");
      return null;
    }
    JsonNode ref = spec.path("ref");
    String resolved;
    if (present(ref.get("commit"))) {
      resolved = ref.get("commit").asText();
    } else if (present(ref.get("name"))) {
      resolved = ref.get("name").asText();
    } else if (present(ref.get("semver"))) {
      findings.blocked(
          id,
          k,
          k.describe()
              + ": its "
              + repository.describe()
              + " selects a tag by spec.ref.semver '"
              + ref.get("semver").asText()
              + "', which driftwatch does not resolve; pin spec.ref.tag or spec.ref.branch",
          false);
      return null;
    } else if (present(ref.get("tag"))) {
      resolved = ref.get("tag").asText();
    } else if (present(ref.get("branch"))) {
      resolved = ref.get("branch").asText();
    } else {
      resolved = FLUX_DEFAULT_BRANCH;
    }
    return new Origin(
        fleet.locator().locate(url),
        resolved,
        GoDuration.parse(spec.path("interval").asText(null)),
        repository.path());
  }

  private FleetObject generatorOf(String namespace, String artifactName) {
    for (FleetObject generator : generators) {
      if (!generator.namespace().equals(namespace)) {
        continue;
      }
      for (JsonNode artifact : generator.spec().path("artifacts")) {
        if (artifact.path("name").asText().equals(artifactName)) {
          return generator;
        }
      }
    }
    return null;
  }

  private Optional<String> cluster(FleetObject k) {
    JsonNode kubeConfig = k.spec().path("kubeConfig");
    if (!present(kubeConfig)) {
      return Optional.of(fleet.source().cluster());
    }
    String name =
        kubeConfig
            .path("secretRef")
            .path("name")
            .asText(kubeConfig.path("configMapRef").path("name").asText(""));
    String mapped = fleet.config().clusters().get(name);
    if (mapped == null) {
      findings.blocked(
          ChildIds.flux(fleet.id(), k.namespace(), k.name()),
          k,
          k.describe()
              + ": spec.kubeConfig ('"
              + name
              + "') applies it to a remote cluster; map '"
              + name
              + "' to a driftwatch cluster under the fleet's discover.clusters",
          false);
      return Optional.empty();
    }
    return Optional.of(mapped);
  }

  private Optional<BuildOptions> buildOptions(String id, FleetObject k) {
    JsonNode spec = k.spec();
    List<ObjectNode> patches = new ArrayList<>();
    List<ObjectNode> images = new ArrayList<>();
    List<String> components = new ArrayList<>();
    String problem = null;
    for (JsonNode patch : spec.path("patches")) {
      if (patch instanceof ObjectNode entry && entry.path("patch").isTextual()) {
        patches.add(entry);
      } else {
        problem = "every spec.patches entry needs a patch (a string) and may have a target";
      }
    }
    for (JsonNode image : spec.path("images")) {
      if (image instanceof ObjectNode entry && entry.path("name").isTextual()) {
        images.add(entry);
      } else {
        problem = "every spec.images entry needs a name";
      }
    }
    for (JsonNode component : spec.path("components")) {
      if (component.isTextual()) {
        components.add(component.asText());
      } else {
        problem = "every spec.components entry must be a path";
      }
    }
    Map<String, String> labels = strings(spec.path("commonMetadata").path("labels"));
    Map<String, String> annotations = strings(spec.path("commonMetadata").path("annotations"));
    if (labels == null || annotations == null) {
      problem = "spec.commonMetadata labels and annotations must map names to strings";
    }
    if (problem != null) {
      findings.blocked(id, k, k.describe() + ": " + problem, false);
      return Optional.empty();
    }
    return Optional.of(
        new BuildOptions(patches, images, components, labels, annotations, true, List.of()));
  }

  /** A map of strings, or null when a value is not a string. */
  private static Map<String, String> strings(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    if (!node.isObject()) {
      return node.isMissingNode() || node.isNull() ? out : null;
    }
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      if (!entry.getValue().isTextual()) {
        return null;
      }
      out.put(entry.getKey(), entry.getValue().asText());
    }
    return out;
  }

  /** A Flux path relative to the source root, normalised; empty when it leaves the root. */
  static Optional<String> relativePath(String path) {
    List<String> parts = new ArrayList<>();
    for (String part : path.replace('\\', '/').split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (parts.isEmpty()) {
          return Optional.empty();
        }
        parts.remove(parts.size() - 1);
      } else {
        parts.add(part);
      }
    }
    return Optional.of(String.join("/", parts));
  }

  static boolean present(JsonNode value) {
    return value != null
        && !value.isNull()
        && !value.isMissingNode()
        && !(value.isContainerNode() && value.isEmpty())
        && !(value.isTextual() && value.asText().isEmpty());
  }

  static Duration atLeastOneSecond(Duration interval) {
    return interval.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : interval;
  }

  /**
   * The repository a source is read from.
   *
   * @param interval the GitRepository's interval, or null
   * @param file the GitRepository's file, or null for Flux bootstrap's
   */
  private record Origin(String repository, String ref, Duration interval, String path) {
    Optional<String> file() {
      return Optional.ofNullable(path);
    }
  }
}
