package io.driftwatch.launcher.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.model.KubernetesObjects;
import io.driftwatch.model.secret.SecretRedactor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the Kubernetes objects of one file: every YAML or JSON document, the items of a {@code
 * kind: List} (or {@code ...List}, as {@code kubectl get -o yaml} writes) expanded, empty documents
 * skipped. Anything else that is not an object with {@code apiVersion}, {@code kind} and {@code
 * metadata.name} is an error naming the file and document, because silently dropping it could turn
 * real drift into a clean verdict. Secret values are replaced by their keyed HMAC here, before
 * anything else sees them.
 */
public final class ManifestFileReader {

  private final DocumentFileReader documents;
  private final SecretRedactor redactor;

  public ManifestFileReader(DocumentFileReader documents, SecretRedactor redactor) {
    this.documents = documents;
    this.redactor = redactor;
  }

  /** The objects of {@code file}, in file order. */
  public List<ManifestDocument> read(Path file) throws DiffInputException {
    List<JsonNode> read = documents.read(file);
    List<ManifestDocument> manifests = new ArrayList<>();
    for (int i = 0; i < read.size(); i++) {
      if (read.get(i) != null) {
        collect(read.get(i), file + ", document " + (i + 1), manifests);
      }
    }
    return manifests;
  }

  private void collect(JsonNode document, String origin, List<ManifestDocument> out)
      throws DiffInputException {
    if (!document.isObject()) {
      throw new DiffInputException(
          origin + ": not a Kubernetes object (a " + typeOf(document) + ", not a mapping)");
    }
    if (KubernetesObjects.isList(document)) {
      JsonNode items = document.get("items");
      for (int j = 0; j < items.size(); j++) {
        collect(items.get(j), origin + ", item " + (j + 1) + " of the List", out);
      }
      return;
    }
    List<String> missing = KubernetesObjects.missingIdentity(document);
    if (!missing.isEmpty()) {
      throw new DiffInputException(
          origin + ": not a Kubernetes object: missing " + String.join(", ", missing));
    }
    out.add(new ManifestDocument(redactor.redact((ObjectNode) document), origin));
  }

  private static String typeOf(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "list";
      case STRING -> "string";
      case NUMBER -> "number";
      case BOOLEAN -> "boolean";
      case NULL -> "null";
      default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
