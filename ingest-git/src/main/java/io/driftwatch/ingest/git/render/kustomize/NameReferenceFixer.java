package io.driftwatch.ingest.git.render.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Rewrites references by name after a build renamed their targets, as kustomize's name reference
 * transformer does: a reference matches a target whose previous names include it, of the kind the
 * {@link NameReferences} table says, in a namespace the referrer can see; when several match, the
 * one with the same prefixes and suffixes as the referrer wins, and a remaining tie between
 * different names is an error.
 */
final class NameReferenceFixer {

  private final String kustomizationPath;

  /** Ids do not change while references are fixed; computing them once keeps this linear. */
  private final Map<KustomizeResource, ResId> currentIds = new IdentityHashMap<>();

  private final Map<KustomizeResource, ResId> originalIds = new IdentityHashMap<>();
  private final Map<String, List<KustomizeResource>> byPreviousName = new HashMap<>();

  /**
   * {@link #byPreviousName} split by each object's current effective namespace ({@code ""} for
   * cluster-scoped objects). Most referrers see only their own namespace and cluster-scoped
   * objects; without this, each of their references scanned every same-named object of the build,
   * which made a Flux-style build of many overlays of one base quadratic in the number of overlays.
   */
  private final Map<String, Map<String, List<KustomizeResource>>> byPreviousNameAndNamespace =
      new HashMap<>();

  /** Each object's place in the build: candidates are always considered in build order. */
  private final Map<KustomizeResource, Integer> positions = new IdentityHashMap<>();

  private final Map<String, List<KustomizeResource>> byOriginalNamespace = new HashMap<>();
  private final Map<String, List<KustomizeResource>> byCurrentNamespace = new HashMap<>();

  private NameReferenceFixer(List<KustomizeResource> resources, String kustomizationPath) {
    this.kustomizationPath = kustomizationPath;
    for (KustomizeResource resource : resources) {
      ResId current = resource.currentId();
      ResId original = resource.originalId();
      currentIds.put(resource, current);
      originalIds.put(resource, original);
      positions.put(resource, positions.size());
      Set<String> names = new HashSet<>();
      for (ResId previous : resource.previousIds()) {
        if (names.add(previous.name())) {
          byPreviousName.computeIfAbsent(previous.name(), n -> new ArrayList<>()).add(resource);
          byPreviousNameAndNamespace
              .computeIfAbsent(previous.name(), n -> new HashMap<>())
              .computeIfAbsent(current.effectiveNamespace(), n -> new ArrayList<>())
              .add(resource);
        }
      }
      if (!original.clusterScoped()) {
        byOriginalNamespace
            .computeIfAbsent(original.effectiveNamespace(), n -> new ArrayList<>())
            .add(resource);
      }
      if (!current.clusterScoped()) {
        byCurrentNamespace
            .computeIfAbsent(current.effectiveNamespace(), n -> new ArrayList<>())
            .add(resource);
      }
    }
  }

  static void fix(List<KustomizeResource> resources, String kustomizationPath)
      throws KustomizeException {
    NameReferenceFixer fixer = new NameReferenceFixer(resources, kustomizationPath);
    if (fixer.byPreviousName.isEmpty()) {
      return;
    }
    for (KustomizeResource referrer : resources) {
      fixer.fixReferencesIn(referrer);
    }
  }

  private void fixReferencesIn(KustomizeResource referrer) throws KustomizeException {
    ResId original = originalIds.get(referrer);
    Visibility visible = null;
    for (NameReferences.BackReference target : NameReferences.TABLE) {
      for (FieldSpec spec : target.referrers()) {
        if (!spec.selects(original)) {
          continue;
        }
        if (visible == null) {
          visible = visibleTo(referrer);
        }
        Referral referral = new Referral(referrer, target, spec, visible);
        spec.visit(referrer.object(), referral::update);
      }
    }
  }

  /**
   * The objects a referrer may refer to (kustomize's SubsetThatCouldBeReferencedByResource), and
   * the namespace they are confined to when that is all a referrer sees besides cluster-scoped
   * objects, or null.
   */
  private record Visibility(Predicate<KustomizeResource> test, String onlyNamespace) {}

  private Visibility visibleTo(KustomizeResource referrer) {
    ResId id = currentIds.get(referrer);
    if (id.clusterScoped()) {
      return new Visibility(target -> true, null);
    }
    Set<String> subjectNamespaces = serviceAccountSubjectNamespaces(referrer);
    Predicate<KustomizeResource> test =
        target -> {
          ResId targetId = currentIds.get(target);
          return targetId.clusterScoped()
              || targetId.sameNamespace(id)
              || subjectNamespaces.contains(target.namespace());
        };
    return new Visibility(test, subjectNamespaces.isEmpty() ? id.effectiveNamespace() : null);
  }

  /**
   * The objects once named {@code oldName} that {@code visible} can include, in build order: all of
   * them, or only those of the referrer's namespace and the cluster-scoped ones when that is all it
   * sees (the same matches, found without scanning the other namespaces).
   */
  private List<KustomizeResource> candidates(String oldName, Visibility visible) {
    if (visible.onlyNamespace() == null) {
      return byPreviousName.getOrDefault(oldName, List.of());
    }
    Map<String, List<KustomizeResource>> byNamespace = byPreviousNameAndNamespace.get(oldName);
    if (byNamespace == null) {
      return List.of();
    }
    List<KustomizeResource> own = byNamespace.getOrDefault(visible.onlyNamespace(), List.of());
    List<KustomizeResource> clusterScoped = byNamespace.getOrDefault("", List.of());
    if (clusterScoped.isEmpty()) {
      return own;
    }
    List<KustomizeResource> merged = new ArrayList<>(own);
    merged.addAll(clusterScoped);
    merged.sort(Comparator.comparing(positions::get));
    return merged;
  }

  private static Set<String> serviceAccountSubjectNamespaces(KustomizeResource referrer) {
    Set<String> namespaces = new HashSet<>();
    if (!referrer.kind().equals("RoleBinding")) {
      return namespaces;
    }
    for (JsonNode subject : referrer.object().path("subjects")) {
      if (subject.path("kind").asText("").equals("ServiceAccount")
          && subject.path("namespace").isTextual()) {
        namespaces.add(subject.path("namespace").asText());
      }
    }
    return namespaces;
  }

  /** One referring field spec of one referrer. */
  private final class Referral {
    private final KustomizeResource referrer;
    private final NameReferences.BackReference target;
    private final FieldSpec spec;
    private final Visibility visible;

    Referral(
        KustomizeResource referrer,
        NameReferences.BackReference target,
        FieldSpec spec,
        Visibility visible) {
      this.referrer = referrer;
      this.target = target;
      this.spec = spec;
      this.visible = visible;
    }

    void update(ObjectNode parent, String field) throws KustomizeException {
      JsonNode value = parent.get(field);
      if (value == null || value.isNull()) {
        return;
      }
      if (value.isTextual()) {
        KustomizeResource chosen = select(value.asText(), visible.test(), false);
        if (chosen != null) {
          parent.put(field, chosen.name());
        }
      } else if (value instanceof ObjectNode map) {
        updateMapping(map);
      } else if (value instanceof ArrayNode array) {
        for (int i = 0; i < array.size(); i++) {
          JsonNode element = array.get(i);
          if (element.isTextual()) {
            KustomizeResource chosen = select(element.asText(), visible.test(), false);
            if (chosen != null) {
              array.set(i, TextNode.valueOf(chosen.name()));
            }
          } else if (element instanceof ObjectNode map) {
            updateMapping(map);
          }
        }
      }
    }

    private void updateMapping(ObjectNode map) throws KustomizeException {
      JsonNode name = map.get("name");
      if (name == null || !name.isTextual()) {
        return;
      }
      Predicate<KustomizeResource> pool = visible.test();
      JsonNode namespace = map.get("namespace");
      if (namespace != null && namespace.isTextual()) {
        // kustomize looks among the objects originally in that namespace, and only when there
        // are none among those currently in it.
        List<KustomizeResource> originally =
            byOriginalNamespace.getOrDefault(namespace.asText(), List.of()).stream()
                .filter(visible.test())
                .toList();
        List<KustomizeResource> group =
            !originally.isEmpty()
                ? originally
                : byCurrentNamespace.getOrDefault(namespace.asText(), List.of()).stream()
                    .filter(visible.test())
                    .toList();
        Set<KustomizeResource> members =
            java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        members.addAll(group);
        pool = members::contains;
      }
      KustomizeResource chosen = select(name.asText(), pool, true);
      if (chosen == null) {
        return;
      }
      map.put("name", chosen.name());
      if (!chosen.namespace().isEmpty()) {
        map.put("namespace", chosen.namespace());
      }
    }

    /** {@code pool} never holds an object that {@link #visible} does not. */
    private KustomizeResource select(
        String oldName, Predicate<KustomizeResource> pool, boolean compareNamespaces)
        throws KustomizeException {
      List<KustomizeResource> matches =
          candidates(oldName, visible).stream()
              .filter(pool)
              .filter(anyPrevious(target::selects))
              .filter(roleRefFilter())
              .filter(this::sameNamespaceAsReferrer)
              .toList();
      if (matches.size() == 1) {
        return matches.get(0);
      }
      matches = matches.stream().filter(this::sameAffixes).toList();
      if (matches.size() == 1) {
        return matches.get(0);
      }
      if (matches.isEmpty()) {
        return null;
      }
      KustomizeResource first = matches.get(0);
      boolean identical =
          matches.stream()
              .allMatch(
                  r ->
                      r.name().equals(first.name())
                          && (!compareNamespaces || r.namespace().equals(first.namespace())));
      if (identical) {
        return first;
      }
      throw new KustomizeException(
          kustomizationPath,
          kustomizationPath
              + ": the reference to "
              + target.kind()
              + " '"
              + oldName
              + "' in "
              + currentIds.get(referrer)
              + " ("
              + spec.path()
              + ") matches several objects: "
              + matches.stream().map(r -> currentIds.get(r).toString()).toList());
    }

    private Predicate<KustomizeResource> anyPrevious(Predicate<ResId> test) {
      return r -> r.previousIds().stream().anyMatch(test);
    }

    private Predicate<KustomizeResource> roleRefFilter() {
      if (!spec.path().endsWith("roleRef/name")) {
        return r -> true;
      }
      JsonNode roleRef = referrer.object().path("roleRef");
      if (!roleRef.path("apiGroup").isTextual() || !roleRef.path("kind").isTextual()) {
        return r -> true;
      }
      FieldSpec gvk =
          new FieldSpec(
              roleRef.path("apiGroup").asText(), "", roleRef.path("kind").asText(), "", false);
      return anyPrevious(gvk::selects);
    }

    private boolean sameNamespaceAsReferrer(KustomizeResource candidate) {
      ResId referrerId = currentIds.get(referrer);
      if (referrerId.clusterScoped()) {
        return true;
      }
      ResId id = currentIds.get(candidate);
      return id.clusterScoped()
          || candidate.kind().equals("ServiceAccount")
          || id.sameNamespace(referrerId);
    }

    private boolean sameAffixes(KustomizeResource candidate) {
      return sameEnding(candidate.prefixes(), referrer.prefixes())
          && sameEnding(candidate.suffixes(), referrer.suffixes());
    }
  }

  /** kustomize's SameEndingSubSlice: the shorter list is the tail of the longer one. */
  static boolean sameEnding(List<String> a, List<String> b) {
    List<String> shorter = a.size() <= b.size() ? a : b;
    List<String> longer = a.size() <= b.size() ? b : a;
    int diff = longer.size() - shorter.size();
    if (shorter.isEmpty()) {
      return diff == 0;
    }
    for (int i = shorter.size() - 1; i >= 0; i--) {
      if (!longer.get(i + diff).equals(shorter.get(i))) {
        return false;
      }
    }
    return true;
  }
}
