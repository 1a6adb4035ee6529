package io.driftwatch.ingest.git.discover;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.ingest.git.GitSourceConfig;
import io.driftwatch.ingest.git.render.kustomize.BuildOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sources from Argo CD {@code argoproj.io} Applications: each Git source ({@code spec.source}, or
 * each entry of {@code spec.sources} with a path) becomes a source with its {@code repoURL}, {@code
 * path} and {@code targetRevision} ({@code HEAD} or none: the configured default branch), rendered
 * for the cluster of {@code spec.destination} ({@code https://kubernetes.default.svc} or {@code
 * in-cluster}: the fleet's; others through the fleet's cluster map), with {@code
 * destination.namespace} as the namespace of objects that set none (Argo CD's rule: it does not
 * override a namespace the manifest sets, unlike Flux's targetNamespace). A directory is read
 * recursively only with {@code directory.recurse: true}, as Argo CD does. Helm, plugin and Argo CD
 * kustomize overrides are not rendered by driftwatch: such a source is blocked with a problem.
 */
final class ArgoSourceDeriver {

  static final String GROUP = "argoproj.io";
  static final String IN_CLUSTER_SERVER = "https://kubernetes.default.svc";
  static final String IN_CLUSTER_NAME = "in-cluster";

  private final Fleet fleet;
  private final Findings findings;

  private ArgoSourceDeriver(Fleet fleet, Findings findings) {
    this.fleet = fleet;
    this.findings = findings;
  }

  static void derive(Fleet fleet, List<FleetObject> objects, Findings findings) {
    ArgoSourceDeriver deriver = new ArgoSourceDeriver(fleet, findings);
    for (FleetObject object : objects) {
      if (object.is(GROUP, "Application")) {
        deriver.application(object);
      } else if (object.is(GROUP, "ApplicationSet")) {
        findings.note(
            object.path()
                + ": "
                + object.describe()
                + ": ApplicationSet generators are not expanded; the Applications it makes are not"
                + " discovered (declare them as Applications or as sources)");
      }
    }
  }

  private void application(FleetObject app) {
    JsonNode spec = app.spec();
    List<JsonNode> sources = new ArrayList<>();
    boolean multi = spec.path("sources").isArray() && !spec.path("sources").isEmpty();
    if (multi) {
      spec.path("sources").forEach(sources::add);
    } else {
      sources.add(spec.path("source"));
    }
    for (int i = 0; i < sources.size(); i++) {
      JsonNode source = sources.get(i);
      if (multi && !source.has("path") && !source.has("chart") && source.has("ref")) {
        // A values-only source: it provides Helm values files to the others, nothing to render.
        continue;
      }
      String id =
          multi
              ? ChildIds.argo(fleet.id(), app.name(), i + 1)
              : ChildIds.argo(fleet.id(), app.name());
      String at = multi ? "spec.sources[" + i + "]" : "spec.source";
      source(app, id, at, source);
    }
  }

  private void source(FleetObject app, String id, String at, JsonNode source) {
    String repoUrl = source.path("repoURL").asText("");
    if (repoUrl.isBlank()) {
      findings.blocked(id, app, app.describe() + ": " + at + ".repoURL is missing", false);
      return;
    }
    List<String> unsupported = new ArrayList<>();
    if (FluxSourceDeriver.present(source.get("chart"))) {
      unsupported.add(at + ".chart (a Helm chart from a Helm repository)");
    }
    if (FluxSourceDeriver.present(source.get("helm"))) {
      unsupported.add(at + ".helm (Helm rendering)");
    }
    if (FluxSourceDeriver.present(source.get("plugin"))) {
      unsupported.add(at + ".plugin (a config management plugin)");
    }
    if (FluxSourceDeriver.present(source.get("kustomize"))) {
      unsupported.add(at + ".kustomize (Argo CD's kustomize overrides)");
    }
    JsonNode directory = source.path("directory");
    for (String field : List.of("include", "exclude", "jsonnet")) {
      if (FluxSourceDeriver.present(directory.get(field))) {
        unsupported.add(at + ".directory." + field);
      }
    }
    if (!unsupported.isEmpty()) {
      findings.blocked(
          id,
          app,
          app.describe()
              + ": "
              + String.join(", ", unsupported)
              + (unsupported.size() == 1 ? " is" : " are")
              + " not rendered by driftwatch; the source is not rendered (declare what it renders"
              + " as plain manifests or kustomize, or leave the Application out of the fleet)",
          false);
      return;
    }
    Optional<String> path = FluxSourceDeriver.relativePath(source.path("path").asText(""));
    if (path.isEmpty()) {
      findings.blocked(
          id,
          app,
          app.describe()
              + ": "
              + at
              + ".path '"
              + source.path("path").asText()
              + "' leaves the repository; write a path relative to its root",
          false);
      return;
    }
    Optional<String> cluster = cluster(app, id);
    if (cluster.isEmpty()) {
      return;
    }
    String revision = source.path("targetRevision").asText("").strip();
    String ref =
        revision.isEmpty() || revision.equals("HEAD") ? fleet.config().defaultBranch() : revision;
    String namespace = app.spec().path("destination").path("namespace").asText("");
    GitSourceConfig config =
        new GitSourceConfig(
            id,
            fleet.locator().locate(repoUrl),
            ref,
            path.get(),
            cluster.get(),
            namespace.isBlank() ? fleet.source().defaultNamespace() : namespace,
            fleet.source().pollInterval(),
            null);
    BuildOptions build = BuildOptions.NONE.withRecurse(directory.path("recurse").asBoolean(false));
    findings.ready(DiscoveredSource.ready(app.describe(), app.path(), List.of(), config, build));
  }

  private Optional<String> cluster(FleetObject app, String id) {
    JsonNode destination = app.spec().path("destination");
    String server = destination.path("server").asText("").strip();
    String name = destination.path("name").asText("").strip();
    if (stripSlash(server).equals(IN_CLUSTER_SERVER)
        || name.equals(IN_CLUSTER_NAME)
        || (server.isEmpty() && name.isEmpty())) {
      return Optional.of(fleet.source().cluster());
    }
    String mapped = fleet.config().clusters().get(server.isEmpty() ? name : server);
    if (mapped == null && !server.isEmpty()) {
      mapped = fleet.config().clusters().get(stripSlash(server));
    }
    if (mapped == null) {
      String destinationName = server.isEmpty() ? name : server;
      findings.blocked(
          id,
          app,
          app.describe()
              + ": spec.destination '"
              + destinationName
              + "' is another cluster; map '"
              + destinationName
              + "' to a driftwatch cluster under the fleet's discover.clusters",
          false);
      return Optional.empty();
    }
    return Optional.of(mapped);
  }

  private static String stripSlash(String server) {
    return server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
  }
}
