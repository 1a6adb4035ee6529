package io.driftwatch.diff.managed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.diff.YamlText;
import io.driftwatch.model.FieldOwner;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ManagedFieldsTest {

  private static final ObjectNode LIVE =
      YamlText.object(
          """
          apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: api
            finalizers: [y, x]
            labels: {app: api}
            managedFields:
            - manager: kustomize-controller
              operation: Apply
              apiVersion: apps/v1
              time: "2024-05-01T10:00:00Z"
              fieldsType: FieldsV1
              fieldsV1:
                f:metadata:
                  f:labels: {f:app: {}}
                  f:finalizers: {v:"x": {}}
                f:spec:
                  f:replicas: {}
                  f:template:
                    f:spec:
                      f:containers:
                        k:{"name":"web"}:
                          .: {}
                          f:name: {}
                          f:image: {}
                          f:args: {}
                          f:ports:
                            k:{"containerPort":8080,"protocol":"TCP"}:
                              .: {}
                              f:containerPort: {}
            - manager: kubectl-scale
              operation: Update
              apiVersion: apps/v1
              time: "2024-05-02T08:30:00Z"
              fieldsType: FieldsV1
              fieldsV1: {f:spec: {f:replicas: {}}}
              subresource: scale
            - manager: kube-controller-manager
              operation: Update
              apiVersion: apps/v1
              time: "2024-05-01T10:00:01Z"
              fieldsType: FieldsV1
              fieldsV1:
                f:spec:
                  f:template:
                    f:spec:
                      f:containers:
                        k:{"name":"sidecar"}: {.: {}, f:name: {}, f:image: {}}
          spec:
            replicas: 5
            template:
              spec:
                containers:
                - name: sidecar
                  image: proxy:1
                - name: web
                  image: web:1
                  args: [--port, "8080"]
                  ports: [{containerPort: 8080, protocol: TCP}]
          """);

  private static final ObjectNode DESIRED =
      YamlText.object(
          """
          apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: api
            finalizers: [x]
            labels: {app: api}
          spec:
            replicas: 2
            template:
              spec:
                containers:
                - name: web
                  image: web:1
                  args: [--port, "8080"]
                  ports: [{containerPort: 8080}]
          """);

  private static final ManagedFields MANAGED = ManagedFields.of(LIVE);

  @Test
  void listMapKeysAndSetValuesResolveByContentAgainstLive() {
    assertThat(MANAGED.pointersOwnedBy("kustomize-controller"::equals, LIVE))
        .containsExactly(
            "/metadata/labels/app",
            "/metadata/finalizers/1",
            "/spec/replicas",
            "/spec/template/spec/containers/1/name",
            "/spec/template/spec/containers/1/image",
            "/spec/template/spec/containers/1/args",
            "/spec/template/spec/containers/1/ports/0/containerPort");
  }

  @Test
  void theSameOwnershipResolvesAgainstDesiredAtDesiredsIndices() {
    assertThat(MANAGED.pointersOwnedBy("kustomize-controller"::equals, DESIRED))
        .containsExactly(
            "/metadata/labels/app",
            "/metadata/finalizers/0",
            "/spec/replicas",
            "/spec/template/spec/containers/0/name",
            "/spec/template/spec/containers/0/image",
            "/spec/template/spec/containers/0/args",
            "/spec/template/spec/containers/0/ports/0/containerPort");
  }

  @Test
  void fieldsAManifestLacksAreNotPointedTo() {
    assertThat(MANAGED.pointersOwnedBy("kube-controller-manager"::equals, DESIRED)).isEmpty();
    assertThat(MANAGED.pointersOwnedBy("kube-controller-manager"::equals, LIVE))
        .containsExactly(
            "/spec/template/spec/containers/0/name", "/spec/template/spec/containers/0/image");
  }

  @Test
  void kubectlScaleOwnsReplicasAfterAScaleAsTheMostRecentOwner() {
    assertThat(MANAGED.ownerOf("/spec/replicas", LIVE))
        .contains(new FieldOwner("kubectl-scale", "Update", Instant.parse("2024-05-02T08:30:00Z")));
  }

  @Test
  void theMostRecentOwnerWinsWhateverOrderTheEntriesAreListedIn() {
    ObjectNode live =
        YamlText.object(
            """
            metadata:
              managedFields:
              - {manager: newer, operation: Apply, time: "2024-05-02T00:00:00Z", fieldsType: FieldsV1, fieldsV1: {f:spec: {f:a: {}}}}
              - {manager: older, operation: Apply, time: "2024-05-01T00:00:00Z", fieldsType: FieldsV1, fieldsV1: {f:spec: {f:a: {}}}}
              - {manager: timeless, operation: Apply, fieldsType: FieldsV1, fieldsV1: {f:spec: {f:a: {}}}}
            spec: {a: 1}
            """);

    assertThat(ManagedFields.of(live).ownerOf("/spec/a", live))
        .map(FieldOwner::manager)
        .contains("newer");
  }

  @Test
  void theOwnerOfAListMapItemFieldIsFoundThroughItsKey() {
    assertThat(MANAGED.ownerOf("/spec/template/spec/containers/1/image", LIVE))
        .map(FieldOwner::manager)
        .contains("kustomize-controller");
    assertThat(MANAGED.ownerOf("/spec/template/spec/containers/0/image", LIVE))
        .map(FieldOwner::manager)
        .contains("kube-controller-manager");
  }

  @Test
  void anItemOfAnAtomicListBelongsToTheListsOwner() {
    assertThat(MANAGED.ownerOf("/spec/template/spec/containers/1/args/1", LIVE))
        .map(FieldOwner::manager)
        .contains("kustomize-controller");
  }

  @Test
  void aFieldNobodyNamesHasNoOwner() {
    assertThat(MANAGED.ownerOf("/spec/template/spec/containers/1/imagePullPolicy", LIVE)).isEmpty();
    assertThat(MANAGED.ownerOf("/spec", LIVE)).isEmpty();
    assertThat(MANAGED.ownerOf("/spec/template/spec/containers/7/image", LIVE)).isEmpty();
  }

  @Test
  void aListItemNamedByDotIsOwnedItself() {
    assertThat(MANAGED.ownerOf("/spec/template/spec/containers/1", LIVE))
        .map(FieldOwner::manager)
        .contains("kustomize-controller");
  }

  @Test
  void aPortKeyWithTheDefaultProtocolMatchesADesiredPortThatLeavesItOut() {
    OwnedFields owned = MANAGED.ownedBy("kustomize-controller"::equals, DESIRED);

    assertThat(
            owned
                .field("spec")
                .field("template")
                .field("spec")
                .field("containers")
                .item(0)
                .field("ports")
                .item(0)
                .isMember())
        .isTrue();
  }

  @Test
  void indexKeysNameListItemsByPosition() {
    ObjectNode live =
        YamlText.object(
            """
            metadata:
              managedFields:
              - manager: m
                operation: Update
                fieldsType: FieldsV1
                fieldsV1: {f:spec: {f:items: {i:1: {f:a: {}}, i:9: {f:a: {}}, i:x: {}}}}
            spec: {items: [{a: 0}, {a: 1}]}
            """);

    assertThat(ManagedFields.of(live).pointersOwnedBy(m -> true, live))
        .containsExactly("/spec/items/1/a");
  }

  @Test
  void malformedEntriesAndKeysAreSkippedNotFatal() {
    ObjectNode live =
        YamlText.object(
            """
            metadata:
              managedFields:
              - {manager: no-fields, operation: Update}
              - {manager: other-type, operation: Update, fieldsType: FieldsV2, fieldsV1: {f:spec: {}}}
              - manager: bad-key
                operation: Update
                time: yesterday
                fieldsType: FieldsV1
                fieldsV1: {f:spec: {f:items: {'k:{not json': {}, 'v:[1': {}}, f:ok: {}}}
            spec: {items: [a], ok: true}
            """);

    ManagedFields managed = ManagedFields.of(live);

    assertThat(managed.entries())
        .extracting(ManagedFieldsEntry::manager)
        .containsExactly("bad-key");
    assertThat(managed.pointersOwnedBy(m -> true, live)).containsExactly("/spec/ok");
    assertThat(managed.ownerOf("/spec/ok", live))
        .contains(new FieldOwner("bad-key", "Update", null));
  }

  @Test
  void entriesCarriedApartFromTheManifestWorkTheSame() {
    ManagedFields apart = ManagedFields.ofEntries(LIVE.at("/metadata/managedFields"));

    assertThat(apart.entries()).hasSize(3);
    assertThat(apart.ownerOf("/spec/replicas", LIVE))
        .isEqualTo(MANAGED.ownerOf("/spec/replicas", LIVE));
  }

  @Test
  void noManagedFieldsMeansNoOwners() {
    ObjectNode bare = YamlText.object("{spec: {replicas: 1}}");

    assertThat(ManagedFields.of(bare).isEmpty()).isTrue();
    assertThat(ManagedFields.of(bare).ownerOf("/spec/replicas", bare)).isEmpty();
    assertThat(ManagedFields.of(null).isEmpty()).isTrue();
  }

  @Test
  void resolvingNeverModifiesTheManifest() {
    ObjectNode before = LIVE.deepCopy();

    MANAGED.pointersOwnedBy(m -> true, LIVE);
    MANAGED.ownerOf("/spec/replicas", LIVE);

    assertThat(LIVE).isEqualTo(before);
  }

  @Test
  void resolvingAListOfManyKeyedItemsIsLinear() {
    int n = 20_000;
    ObjectNode live = YamlText.object("{metadata: {}, spec: {}}");
    var items = ((ObjectNode) live.get("spec")).putArray("containers");
    ObjectNode containers = YamlText.object("{}");
    for (int i = 0; i < n; i++) {
      items.addObject().put("name", "c" + i).put("image", "x");
      containers.putObject("k:{\"name\":\"c" + (n - 1 - i) + "\"}").putObject("f:image");
    }
    ObjectNode fields = YamlText.object("{}");
    fields.putObject("f:spec").set("f:containers", containers);
    ObjectNode entry = YamlText.object("{manager: kustomize-controller, operation: Apply}");
    entry.put("fieldsType", "FieldsV1").set("fieldsV1", fields);
    ((ObjectNode) live.get("metadata")).putArray("managedFields").add(entry);

    long start = System.nanoTime();
    int owned = ManagedFields.of(live).pointersOwnedBy(m -> true, live).size();
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(owned).isEqualTo(n);
    assertThat(millis).isLessThan(3_000);
  }
}
