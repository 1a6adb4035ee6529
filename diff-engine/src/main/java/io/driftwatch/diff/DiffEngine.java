package io.driftwatch.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.diff.compare.Difference;
import io.driftwatch.diff.compare.InSyncCheck;
import io.driftwatch.diff.compare.SubsetComparator;
import io.driftwatch.diff.managed.ManagedFields;
import io.driftwatch.diff.managed.ManagedFieldsEntry;
import io.driftwatch.diff.managed.OwnedFields;
import io.driftwatch.diff.managed.Ownership;
import io.driftwatch.diff.normalize.EmptyValueNormalizer;
import io.driftwatch.diff.normalize.NormalizedCopy;
import io.driftwatch.diff.normalize.QuantityNormalizer;
import io.driftwatch.diff.normalize.SecretNormalizer;
import io.driftwatch.diff.normalize.ServerMetadataNormalizer;
import io.driftwatch.diff.schema.BuiltinSchemas;
import io.driftwatch.diff.schema.SchemaNode;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.FieldDiff;
import io.driftwatch.model.FieldOwner;
import io.driftwatch.model.secret.SecretRedactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decides, for one resource, whether desired and live agree. See the package documentation and
 * docs/drift-semantics.md for the rules. Thread-safe; the inputs are never modified.
 */
public final class DiffEngine {

  private final DiffOptions options;
  private final SecretNormalizer secrets;

  public DiffEngine(DiffOptions options) {
    this.options = options;
    this.secrets = new SecretNormalizer(options.redactor());
  }

  /**
   * @param desired the manifest Git declares, or null when Git does not declare the object
   * @param live the object as the API server returns it (metadata.managedFields and status
   *     included), or null
   * @throws IllegalArgumentException when both are null
   */
  public DiffResult diff(ObjectNode desired, ObjectNode live) {
    return diff(desired, live, ManagedFields.of(live));
  }

  /**
   * As {@link #diff(ObjectNode, ObjectNode)}, with the live object's ownership given apart from it
   * (as {@code LiveState} carries it), for a live manifest whose managedFields were stripped.
   *
   * @throws IllegalArgumentException when both manifests are null
   */
  public DiffResult diff(ObjectNode desired, ObjectNode live, ManagedFields managed) {
    if (desired == null && live == null) {
      throw new IllegalArgumentException("Nothing to compare: both desired and live are absent");
    }
    if (optedOut(desired) || optedOut(live)) {
      return new DiffResult(DriftType.NONE, List.of());
    }
    if (live == null) {
      return new DiffResult(DriftType.MISSING_LIVE, List.of());
    }
    if (desired == null) {
      return new DiffResult(DriftType.EXTRA_LIVE, List.of());
    }
    SchemaNode schema = BuiltinSchemas.forManifest(desired.has("kind") ? desired : live);

    if (confirmedInSync(desired, live, schema, managed)) {
      return new DiffResult(DriftType.NONE, List.of());
    }
    ObjectNode want = normalizedCopy(desired, schema, true);
    ObjectNode have = normalizedCopy(live, schema, false);

    // Rules pick their objects by what Git declares (labels included), so both sides lose the same
    // fields.
    options.ignoreRules().apply(want, desired, managed);
    options.ignoreRules().apply(have, desired, managed);

    // Resolved only now: the ignore rules may have removed fields and shifted list items.
    Ownership ownership = managed.against(have);
    Set<String> gitops = options.gitopsManagers();
    OwnedFields lingering = managed.isEmpty() ? null : ownership.ownedBy(gitops::contains);
    List<Difference> differences = SubsetComparator.compare(want, have, schema, lingering);
    if (differences.isEmpty()) {
      return new DiffResult(DriftType.NONE, List.of());
    }
    List<FieldDiff> fields = new ArrayList<>(differences.size());
    for (Difference difference : differences) {
      FieldOwner owner =
          difference.livePointer() == null
              ? null
              : ownership.ownerOf(difference.livePointer()).orElse(null);
      fields.add(new FieldDiff(difference.path(), difference.desired(), difference.live(), owner));
    }
    return new DiffResult(DriftType.MODIFIED, fields);
  }

  /**
   * Whether the quick check confirms the object is in sync, sparing the normalised copies of both
   * sides and the resolution of live's ownership. Secrets (compared by digest) and objects an
   * ignore rule targets (whose live side must lose the ignored fields first) always take the full
   * path.
   */
  private boolean confirmedInSync(
      ObjectNode desired, ObjectNode live, SchemaNode schema, ManagedFields managed) {
    if (SecretRedactor.isSecret(desired)
        || SecretRedactor.isSecret(live)
        || options.ignoreRules().targets(desired)) {
      return false;
    }
    List<JsonNode> gitopsSets = new ArrayList<>(2);
    for (ManagedFieldsEntry entry : managed.entries()) {
      if (options.gitopsManagers().contains(entry.manager())) {
        gitopsSets.add(entry.fieldsV1());
      }
    }
    return InSyncCheck.holds(desired, live, schema, gitopsSets);
  }

  /**
   * The normalised copy of one side. A Secret takes the steps one by one, because its values must
   * be redacted before empty ones are dropped (the digest of an empty value is not empty); every
   * other kind is copied and normalised in one pass.
   */
  private ObjectNode normalizedCopy(ObjectNode manifest, SchemaNode schema, boolean isDesired) {
    if (!SecretRedactor.isSecret(manifest)) {
      return isDesired
          ? NormalizedCopy.ofDesired(manifest, schema)
          : NormalizedCopy.ofLive(manifest, schema);
    }
    ObjectNode copy = ServerMetadataNormalizer.normalizedCopy(manifest);
    secrets.normalize(copy);
    if (isDesired) {
      EmptyValueNormalizer.normalizeDesired(copy);
    } else {
      EmptyValueNormalizer.normalizeLive(copy);
    }
    QuantityNormalizer.normalize(copy, schema);
    return copy;
  }

  private boolean optedOut(JsonNode manifest) {
    if (manifest == null || options.optOutAnnotation() == null) {
      return false;
    }
    JsonNode value = manifest.path("metadata").path("annotations").get(options.optOutAnnotation());
    return value != null && "true".equals(value.asText());
  }
}
