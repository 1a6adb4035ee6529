package io.driftwatch.ingest.git.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.model.KindScopes;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.secret.SecretRedactor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a renderer's output into the {@link DesiredSet} of one source for one cluster: namespaced
 * objects without a namespace get the source's default one (written into the manifest too, as
 * kubectl would), cluster-scoped built-in kinds lose any namespace, SOPS-encrypted values become
 * opaque markers ({@link SopsRedactor}) and Secret values HMACs, and a second object with the same
 * resource key is refused (the first declared wins). Both redactions happen here and nowhere else,
 * so nothing rendered reaches a topic without them.
 */
public final class DesiredSetAssembler {

  private final SecretRedactor redactor;

  public DesiredSetAssembler(SecretRedactor redactor) {
    this.redactor = redactor;
  }

  /** Assembles the desired set; the manifests of {@code result} are modified in place. */
  public DesiredSet assemble(RenderResult result, String cluster, String defaultNamespace) {
    Map<ResourceKey, RenderedManifest> objects = new LinkedHashMap<>();
    List<RenderError> errors = new ArrayList<>(result.errors());
    for (RenderedManifest rendered : result.manifests()) {
      ObjectNode manifest = rendered.manifest();
      SopsRedactor.redact(manifest);
      String encryptedIdentity = SopsRedactor.encryptedIdentityField(manifest);
      if (encryptedIdentity != null) {
        errors.add(
            new RenderError(
                rendered.path(),
                "an object's "
                    + encryptedIdentity
                    + " is encrypted with SOPS, so driftwatch cannot tell which object it is;"
                    + " encrypt only its values, e.g. sops --encrypt --encrypted-regex"
                    + " '^(data|stringData)$' (as Flux's documentation recommends)"));
        continue;
      }
      String apiVersion = manifest.path("apiVersion").asText();
      String kind = manifest.path("kind").asText();
      ObjectNode metadata = (ObjectNode) manifest.get("metadata");
      String namespace;
      if (KindScopes.clusterScoped(ResourceKey.groupOf(apiVersion), kind)) {
        // The API server stores no namespace for these; desired must not carry one either.
        metadata.remove("namespace");
        namespace = "";
      } else {
        JsonNode declared = metadata.get("namespace");
        if (declared == null || !declared.isTextual() || declared.asText().isBlank()) {
          metadata.put("namespace", defaultNamespace);
        }
        namespace = metadata.get("namespace").asText();
      }
      ResourceKey key =
          ResourceKey.of(cluster, apiVersion, kind, namespace, metadata.get("name").asText());
      RenderedManifest first = objects.get(key);
      if (first != null) {
        errors.add(
            new RenderError(
                rendered.path(),
                kind
                    + " "
                    + (namespace.isEmpty() ? "" : namespace + "/")
                    + key.name()
                    + " is declared twice: first in "
                    + first.path()
                    + " (kept) and again in "
                    + rendered.path()
                    + " (ignored); remove one of them"));
        continue;
      }
      objects.put(
          key,
          new RenderedManifest(
              rendered.path(),
              SopsRedactor.redactSecretKeepingMarkers(manifest, redactor::redact)));
    }
    return new DesiredSet(objects, errors);
  }
}
