package io.driftwatch.diff.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.diff.DiffOptions;
import io.driftwatch.diff.YamlText;
import io.driftwatch.diff.compare.Difference;
import io.driftwatch.diff.compare.InSyncCheck;
import io.driftwatch.diff.compare.SubsetComparator;
import io.driftwatch.diff.managed.ManagedFields;
import io.driftwatch.diff.managed.ManagedFieldsEntry;
import io.driftwatch.diff.managed.OwnedFields;
import io.driftwatch.diff.normalize.NormalizedCopy;
import io.driftwatch.diff.schema.BuiltinSchemas;
import io.driftwatch.diff.schema.SchemaNode;
import io.driftwatch.model.secret.SecretRedactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The in-sync check may only ever confirm what the full comparison (normalised copies, resolved
 * ownership, {@link SubsetComparator}) also finds in sync; and it must confirm the common in-sync
 * cases, or it would save nothing.
 */
class InSyncCheckTest {

  @Test
  void confirmsOnlyWhatTheFullComparisonFindsInSync() {
    int confirmed = 0;
    int inSync = 0;
    for (FixtureCase c : comparablePairs()) {
      boolean fullInSync = fullComparison(c.desired(), c.live()).isEmpty();
      boolean quick = quickCheck(c.desired(), c.live());
      assertThat(!quick || fullInSync)
          .as("%s: the quick check confirms a pair that differs", c.name())
          .isTrue();
      inSync += fullInSync ? 1 : 0;
      confirmed += quick ? 1 : 0;
    }
    // Most in-sync fixtures are plain objects the check must confirm; some are there precisely
    // for the intricate normalisations it leaves to the full path.
    assertThat(confirmed).isGreaterThan(inSync / 2);
  }

  @Test
  void confirmsOnlyWhatTheFullComparisonFindsInSyncAfterRandomChanges() {
    Random random = new Random(7);
    for (FixtureCase c : comparablePairs()) {
      List<ManifestMutations.Leaf> leaves = ManifestMutations.comparedLeaves(c.desired());
      for (int i = 0; i < 5 && !leaves.isEmpty(); i++) {
        ManifestMutations.Leaf leaf = leaves.get(random.nextInt(leaves.size()));
        ObjectNode desired = c.desired().deepCopy();
        ManifestMutations.set(desired, leaf.pointer(), ManifestMutations.changed(leaf.value()));
        boolean fullInSync = fullComparison(desired, c.live()).isEmpty();
        assertThat(!quickCheck(desired, c.live()) || fullInSync)
            .as("%s with %s changed: the quick check confirms a pair that differs", c.name(), leaf)
            .isTrue();
      }
    }
  }

  @Test
  void leavesAFieldGitDroppedButItsManagerStillOwnsToTheFullComparison() {
    ObjectNode desired =
        YamlText.object(
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings, namespace: shop}
            data: {a: "1"}
            """);
    ObjectNode live =
        YamlText.object(
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              namespace: shop
              managedFields:
                - manager: kustomize-controller
                  operation: Apply
                  fieldsType: FieldsV1
                  fieldsV1: {f:data: {f:a: {}, f:b: {}}}
            data: {a: "1", b: "2"}
            """);
    assertThat(fullComparison(desired, live)).hasSize(1);
    assertThat(quickCheck(desired, live)).isFalse();
  }

  private static List<FixtureCase> comparablePairs() {
    return FixtureCase.all().stream()
        .filter(c -> c.desired() != null && c.live() != null && c.rules() == null)
        .filter(c -> !SecretRedactor.isSecret(c.desired()) && !SecretRedactor.isSecret(c.live()))
        .filter(
            c -> !ManifestMutations.optedOut(c.desired()) && !ManifestMutations.optedOut(c.live()))
        .toList();
  }

  private static boolean quickCheck(ObjectNode desired, ObjectNode live) {
    SchemaNode schema = BuiltinSchemas.forManifest(desired);
    List<JsonNode> sets = new ArrayList<>();
    for (ManagedFieldsEntry entry : ManagedFields.of(live).entries()) {
      if (DiffOptions.DEFAULT_GITOPS_MANAGERS.contains(entry.manager())) {
        sets.add(entry.fieldsV1());
      }
    }
    return InSyncCheck.holds(desired, live, schema, sets);
  }

  private static List<Difference> fullComparison(ObjectNode desired, ObjectNode live) {
    SchemaNode schema = BuiltinSchemas.forManifest(desired);
    ObjectNode want = NormalizedCopy.ofDesired(desired, schema);
    ObjectNode have = NormalizedCopy.ofLive(live, schema);
    ManagedFields managed = ManagedFields.of(live);
    OwnedFields lingering =
        managed.isEmpty()
            ? null
            : managed.against(have).ownedBy(DiffOptions.DEFAULT_GITOPS_MANAGERS::contains);
    return SubsetComparator.compare(want, have, schema, lingering);
  }
}
