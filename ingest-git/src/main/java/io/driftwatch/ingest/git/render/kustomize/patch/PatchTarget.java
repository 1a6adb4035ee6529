package io.driftwatch.ingest.git.render.kustomize.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.model.KindScopes;
import io.driftwatch.model.LabelSelector;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which objects a patch applies to: kustomize's {@code target} (group, version, kind, name,
 * namespace as regular expressions, each matching the whole value; labelSelector,
 * annotationSelector). An absent or empty field selects everything. As in kustomize, an object
 * without a namespace is in {@code default} and a cluster-scoped one in {@code
 * _non_namespaceable_}, and a name or namespace matches when the current or the original one does.
 */
public final class PatchTarget {

  private static final Set<String> FIELDS =
      Set.of(
          "group", "version", "kind", "name", "namespace", "labelSelector", "annotationSelector");
  private static final String DEFAULT_NAMESPACE = "default";
  private static final String NOT_NAMESPACED = "_non_namespaceable_";

  private final Pattern group;
  private final Pattern version;
  private final Pattern kind;
  private final Pattern name;
  private final Pattern namespace;
  private final LabelSelector labelSelector;
  private final LabelSelector annotationSelector;

  private PatchTarget(
      Pattern group,
      Pattern version,
      Pattern kind,
      Pattern name,
      Pattern namespace,
      LabelSelector labelSelector,
      LabelSelector annotationSelector) {
    this.group = group;
    this.version = version;
    this.kind = kind;
    this.name = name;
    this.namespace = namespace;
    this.labelSelector = labelSelector;
    this.annotationSelector = annotationSelector;
  }

  /**
   * Parses a {@code target:} mapping.
   *
   * @throws PatchException when it is not a mapping, has a field kustomize does not know, or a
   *     regex or selector is invalid
   */
  public static PatchTarget parse(JsonNode target) throws PatchException {
    if (target == null || !target.isObject()) {
      throw new PatchException("a patch target must be a mapping");
    }
    for (Iterator<String> fields = target.fieldNames(); fields.hasNext(); ) {
      String field = fields.next();
      if (!FIELDS.contains(field)) {
        throw new PatchException(
            "unknown field \""
                + field
                + "\" in a patch target (kustomize knows group, version, kind, name, namespace,"
                + " labelSelector and annotationSelector)");
      }
    }
    return new PatchTarget(
        regex(target, "group"),
        regex(target, "version"),
        regex(target, "kind"),
        regex(target, "name"),
        regex(target, "namespace"),
        selector(target, "labelSelector"),
        selector(target, "annotationSelector"));
  }

  /** True when {@code object} is one this target selects. */
  public boolean matches(ObjectNode object) {
    return matches(object, null, null);
  }

  /**
   * True when {@code object} is one this target selects, its name or namespace being allowed to
   * match as they were before a prefix, suffix or namespace was applied (kustomize matches either).
   *
   * @param originalName the name as first loaded, or null when unknown
   * @param originalNamespace the namespace as first loaded ("" for none), or null when unknown
   */
  public boolean matches(ObjectNode object, String originalName, String originalNamespace) {
    String apiVersion = object.path("apiVersion").asText("");
    int slash = apiVersion.indexOf('/');
    String objectGroup = slash < 0 ? "" : apiVersion.substring(0, slash);
    String objectVersion = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
    String objectKind = object.path("kind").asText("");
    JsonNode metadata = object.path("metadata");
    if (!matches(group, objectGroup)
        || !matches(version, objectVersion)
        || !matches(kind, objectKind)) {
      return false;
    }
    String currentName = metadata.path("name").asText("");
    if (!matches(name, currentName) && (originalName == null || !matches(name, originalName))) {
      return false;
    }
    boolean clusterScoped = KindScopes.clusterScoped(objectGroup, objectKind);
    String currentNamespace =
        effectiveNamespace(metadata.path("namespace").asText(""), clusterScoped);
    if (!matches(namespace, currentNamespace)
        && (originalNamespace == null
            || !matches(namespace, effectiveNamespace(originalNamespace, clusterScoped)))) {
      return false;
    }
    return (labelSelector == null || labelSelector.matches(metadata.path("labels")))
        && (annotationSelector == null || annotationSelector.matches(metadata.path("annotations")));
  }

  private static String effectiveNamespace(String namespace, boolean clusterScoped) {
    if (clusterScoped) {
      return NOT_NAMESPACED;
    }
    return namespace.isEmpty() ? DEFAULT_NAMESPACE : namespace;
  }

  private static boolean matches(Pattern pattern, String value) {
    return pattern == null || pattern.matcher(value).matches();
  }

  private static Pattern regex(JsonNode target, String field) throws PatchException {
    String text = text(target, field);
    if (text.isEmpty()) {
      return null;
    }
    try {
      return Pattern.compile(text);
    } catch (PatternSyntaxException e) {
      throw new PatchException(
          "the patch target's "
              + field
              + " is not a valid regular expression: "
              + e.getDescription());
    }
  }

  private static LabelSelector selector(JsonNode target, String field) throws PatchException {
    String text = text(target, field);
    if (text.isEmpty()) {
      return null;
    }
    try {
      return LabelSelector.parse(text);
    } catch (IllegalArgumentException e) {
      throw new PatchException("the patch target's " + field + " is invalid: " + e.getMessage());
    }
  }

  private static String text(JsonNode target, String field) throws PatchException {
    JsonNode value = target.get(field);
    if (value == null || value.isNull()) {
      return "";
    }
    if (!value.isValueNode()) {
      throw new PatchException("the patch target's " + field + " must be a string");
    }
    return value.asText();
  }
}
