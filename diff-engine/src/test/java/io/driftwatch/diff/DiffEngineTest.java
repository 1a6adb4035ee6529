package io.driftwatch.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.driftwatch.diff.managed.ManagedFields;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.FieldDiff;
import io.driftwatch.model.FieldOwner;
import io.driftwatch.model.secret.SecretRedactor;
import io.driftwatch.model.serde.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DiffEngineTest {

  private static final DiffEngine ENGINE =
      new DiffEngine(
          DiffOptions.defaults(
              new SecretRedactor("0123456789abcdef-test-key".getBytes(StandardCharsets.UTF_8))));

  private static final String DESIRED =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
        namespace: shop
        labels: {app: api}
      spec:
        replicas: 2
        selector: {matchLabels: {app: api}}
        template:
          metadata: {labels: {app: api}}
          spec:
            containers:
            - name: api
              image: ghcr.io/shop/api:1.4.2
              ports: [{containerPort: 8080}]
              env: [{name: MODE, value: prod}, {name: LOG, value: info}]
              resources:
                limits: {cpu: 1, memory: 512Mi}
                requests: {cpu: 0.25, memory: 256Mi}
      """;

  /** What an API server returns for DESIRED after Flux applied it, then someone scaled it. */
  private static final String LIVE =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
        namespace: shop
        uid: 5a9d7c1e-0000-4000-8000-000000000001
        resourceVersion: "918273"
        generation: 4
        creationTimestamp: "2024-05-01T10:00:00Z"
        labels:
          app: api
          kustomize.toolkit.fluxcd.io/name: apps
          kustomize.toolkit.fluxcd.io/namespace: flux-system
        annotations:
          deployment.kubernetes.io/revision: "3"
        managedFields:
        - manager: kustomize-controller
          operation: Apply
          apiVersion: apps/v1
          time: "2024-05-01T10:00:00Z"
          fieldsType: FieldsV1
          fieldsV1:
            f:metadata:
              f:labels:
                f:app: {}
                f:kustomize.toolkit.fluxcd.io/name: {}
                f:kustomize.toolkit.fluxcd.io/namespace: {}
            f:spec:
              f:replicas: {}
              f:selector: {}
              f:template:
                f:metadata: {f:labels: {f:app: {}}}
                f:spec:
                  f:containers:
                    k:{"name":"api"}:
                      .: {}
                      f:env:
                        k:{"name":"LOG"}: {.: {}, f:name: {}, f:value: {}}
                        k:{"name":"MODE"}: {.: {}, f:name: {}, f:value: {}}
                      f:image: {}
                      f:name: {}
                      f:ports:
                        k:{"containerPort":8080,"protocol":"TCP"}: {.: {}, f:containerPort: {}}
                      f:resources:
                        f:limits: {f:cpu: {}, f:memory: {}}
                        f:requests: {f:cpu: {}, f:memory: {}}
        - manager: kubectl-scale
          operation: Update
          apiVersion: apps/v1
          time: "2024-05-03T09:15:00Z"
          fieldsType: FieldsV1
          fieldsV1: {f:spec: {f:replicas: {}}}
          subresource: scale
        - manager: kube-controller-manager
          operation: Update
          apiVersion: apps/v1
          time: "2024-05-03T09:15:02Z"
          fieldsType: FieldsV1
          fieldsV1:
            f:metadata: {f:annotations: {.: {}, f:deployment.kubernetes.io/revision: {}}}
            f:status: {f:replicas: {}, f:readyReplicas: {}}
      spec:
        replicas: 5
        revisionHistoryLimit: 10
        progressDeadlineSeconds: 600
        selector: {matchLabels: {app: api}}
        strategy:
          type: RollingUpdate
          rollingUpdate: {maxSurge: 25%, maxUnavailable: 25%}
        template:
          metadata:
            creationTimestamp: null
            labels: {app: api}
          spec:
            containers:
            - name: api
              image: ghcr.io/shop/api:1.4.2
              imagePullPolicy: IfNotPresent
              ports: [{containerPort: 8080, protocol: TCP}]
              env: [{name: LOG, value: info}, {name: MODE, value: prod}]
              resources:
                limits: {cpu: "1", memory: 512Mi}
                requests: {cpu: 250m, memory: 256Mi}
              terminationMessagePath: /dev/termination-log
              terminationMessagePolicy: File
            dnsPolicy: ClusterFirst
            restartPolicy: Always
            schedulerName: default-scheduler
            securityContext: {}
            terminationGracePeriodSeconds: 30
      status:
        replicas: 5
        readyReplicas: 5
      """;

  @Test
  void aScaledDeploymentDriftsOnlyInReplicasAttributedToKubectlScale() {
    DiffResult result = ENGINE.diff(YamlText.object(DESIRED), YamlText.object(LIVE));

    assertThat(result.type()).isEqualTo(DriftType.MODIFIED);
    assertThat(result.fields())
        .containsExactly(
            new FieldDiff(
                "/spec/replicas",
                YamlText.node("2"),
                YamlText.node("5"),
                new FieldOwner("kubectl-scale", "Update", Instant.parse("2024-05-03T09:15:00Z"))));
  }

  @Test
  void defaultsStatusServerMetadataAndFluxLabelsAreNoDrift() {
    ObjectNode live = YamlText.object(LIVE);
    ((ObjectNode) live.get("spec")).put("replicas", 2);

    DiffResult result = ENGINE.diff(YamlText.object(DESIRED), live);

    assertThat(result.type()).isEqualTo(DriftType.NONE);
    assertThat(result.fields()).isEmpty();
    assertThat(result.inSync()).isTrue();
  }

  @Test
  void aChangedImageIsAttributedToItsOwnerThroughTheContainersKey() {
    ObjectNode live = YamlText.object(LIVE);
    ((ObjectNode) live.at("/spec/template/spec/containers/0")).put("image", "ghcr.io/shop/api:9");
    ((ObjectNode) live.get("spec")).put("replicas", 2);

    DiffResult result = ENGINE.diff(YamlText.object(DESIRED), live);

    assertThat(result.fields())
        .singleElement()
        .satisfies(
            field -> {
              assertThat(field.path()).isEqualTo("/spec/template/spec/containers/0/image");
              assertThat(field.live()).isEqualTo(TextNode.valueOf("ghcr.io/shop/api:9"));
              assertThat(field.owner().manager()).isEqualTo("kustomize-controller");
            });
  }

  @Test
  void attributionTranslatesDesiredIndicesToTheMatchedLiveItem() {
    String desired =
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
          - {name: web, image: web:2}
          - {name: sidecar, image: proxy:1}
        """;
    String live =
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          managedFields:
          - manager: kubectl-edit
            operation: Update
            time: "2024-06-01T00:00:00Z"
            fieldsType: FieldsV1
            fieldsV1:
              f:spec:
                f:containers:
                  k:{"name":"web"}: {f:image: {}}
          - manager: kubectl-client-side-apply
            operation: Update
            time: "2024-05-01T00:00:00Z"
            fieldsType: FieldsV1
            fieldsV1:
              f:spec:
                f:containers:
                  k:{"name":"sidecar"}: {f:image: {}}
        spec:
          containers:
          - {name: sidecar, image: proxy:1}
          - {name: web, image: web:1}
        """;

    DiffResult result = ENGINE.diff(YamlText.object(desired), YamlText.object(live));

    assertThat(result.fields())
        .singleElement()
        .satisfies(
            field -> {
              assertThat(field.path()).isEqualTo("/spec/containers/0/image");
              assertThat(field.owner().manager()).isEqualTo("kubectl-edit");
            });
  }

  @Test
  void anEnvVarGitNoLongerDeclaresButFluxStillOwnsLingersAsOneItemWithDesiredNull() {
    ObjectNode live = YamlText.object(LIVE);
    ((ObjectNode) live.get("spec")).put("replicas", 2);
    ObjectNode desired = YamlText.object(DESIRED);
    // Git dropped the LOG variable; the cluster still has it, owned by kustomize-controller.
    ((com.fasterxml.jackson.databind.node.ArrayNode)
            desired.at("/spec/template/spec/containers/0/env"))
        .remove(1);

    DiffResult result = ENGINE.diff(desired, live);

    assertThat(result.type()).isEqualTo(DriftType.MODIFIED);
    assertThat(result.fields())
        .extracting(FieldDiff::path, FieldDiff::desired, FieldDiff::live)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "/spec/template/spec/containers/0/env/0",
                null,
                YamlText.object("{name: LOG, value: info}")));
    assertThat(result.fields())
        .allSatisfy(field -> assertThat(field.owner().manager()).isEqualTo("kustomize-controller"));
  }

  @Test
  void lingeringFieldsComeAfterTheDeclaredOnes() {
    ObjectNode desired = YamlText.object(DESIRED);
    ((ObjectNode) desired.at("/metadata/labels")).remove("app");

    DiffResult result = ENGINE.diff(desired, YamlText.object(LIVE));

    assertThat(result.fields())
        .extracting(FieldDiff::path)
        .containsExactly("/spec/replicas", "/metadata/labels/app");
    assertThat(result.fields().get(1).desired()).isNull();
  }

  @Test
  void aLiveOnlyFieldOwnedByAControllerIsNotDrift() {
    String desired = "{apiVersion: v1, kind: ConfigMap, metadata: {name: c}, data: {a: '1'}}";
    String live =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: c
          annotations: {injected: by-webhook}
          managedFields:
          - manager: kube-controller-manager
            operation: Update
            fieldsType: FieldsV1
            fieldsV1: {f:data: {f:b: {}}, f:metadata: {f:annotations: {f:injected: {}}}}
        data: {a: '1', b: '2'}
        """;

    assertThat(ENGINE.diff(YamlText.object(desired), YamlText.object(live)).type())
        .isEqualTo(DriftType.NONE);
  }

  @Test
  void theGitopsManagersAreConfigurable() {
    String desired = "{apiVersion: v1, kind: ConfigMap, metadata: {name: c}, data: {a: '1'}}";
    String live =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: c
          managedFields:
          - manager: my-deployer
            operation: Apply
            fieldsType: FieldsV1
            fieldsV1: {f:data: {f:a: {}, f:b: {}}}
        data: {a: '1', b: '2'}
        """;
    DiffOptions defaults = DiffOptions.defaults(new SecretRedactor(new byte[16]));
    DiffEngine custom =
        new DiffEngine(
            new DiffOptions(
                java.util.Set.of("my-deployer"),
                defaults.ignoreRules(),
                defaults.redactor(),
                defaults.optOutAnnotation()));

    assertThat(
            new DiffEngine(defaults).diff(YamlText.object(desired), YamlText.object(live)).type())
        .isEqualTo(DriftType.NONE);
    assertThat(custom.diff(YamlText.object(desired), YamlText.object(live)).fields())
        .extracting(FieldDiff::path)
        .containsExactly("/data/b");
  }

  @Test
  void ownershipCarriedApartFromTheLiveManifestIsUsed() {
    ObjectNode live = YamlText.object(LIVE);
    ManagedFields managed = ManagedFields.ofEntries(live.at("/metadata/managedFields"));
    ((ObjectNode) live.get("metadata")).remove("managedFields");

    DiffResult result = ENGINE.diff(YamlText.object(DESIRED), live, managed);

    assertThat(result.fields())
        .singleElement()
        .extracting(f -> f.owner().manager())
        .isEqualTo("kubectl-scale");
  }

  @Test
  void aSecretWrittenAsStringDataEqualsItsBase64DataAndNoValueLeaks() {
    String password = "s3cr3t-Pa55w0rd!";
    String base64 = Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8));
    String other = "an0ther-Pa55w0rd";
    String otherBase64 = Base64.getEncoder().encodeToString(other.getBytes(StandardCharsets.UTF_8));
    String desired =
        """
        apiVersion: v1
        kind: Secret
        metadata: {name: db, namespace: shop}
        type: Opaque
        stringData: {password: "%s", user: app}
        """
            .formatted(password);
    String live =
        """
        apiVersion: v1
        kind: Secret
        metadata:
          name: db
          namespace: shop
          annotations:
            kubectl.kubernetes.io/last-applied-configuration: '{"stringData":{"password":"%s"}}'
        type: Opaque
        data: {password: %s, user: %s}
        """;

    DiffResult same =
        ENGINE.diff(
            YamlText.object(desired),
            YamlText.object(
                live.formatted(
                    password,
                    base64,
                    Base64.getEncoder().encodeToString("app".getBytes(StandardCharsets.UTF_8)))));
    DiffResult changed =
        ENGINE.diff(
            YamlText.object(desired),
            YamlText.object(live.formatted(other, otherBase64, otherBase64)));

    assertThat(same.type()).isEqualTo(DriftType.NONE);
    assertThat(changed.fields())
        .extracting(FieldDiff::path)
        .containsExactly("/data/password", "/data/user");
    String everything = changed.toString() + Json.mapper().valueToTree(changed).toString();
    assertThat(everything)
        .contains(SecretRedactor.PREFIX)
        .doesNotContain(password, base64, other, otherBase64, "app\"");
  }

  @Test
  void theInputsAreNeverModified() {
    ObjectNode desired = YamlText.object(DESIRED);
    ObjectNode live = YamlText.object(LIVE);
    ObjectNode secretDesired =
        YamlText.object("{apiVersion: v1, kind: Secret, metadata: {name: s}, stringData: {k: v}}");
    ObjectNode secretLive =
        YamlText.object("{apiVersion: v1, kind: Secret, metadata: {name: s}, data: {k: dw==}}");

    ENGINE.diff(desired, live);
    ENGINE.diff(secretDesired, secretLive);

    assertThat(desired).isEqualTo(YamlText.object(DESIRED));
    assertThat(live).isEqualTo(YamlText.object(LIVE));
    assertThat(secretDesired)
        .isEqualTo(
            YamlText.object(
                "{apiVersion: v1, kind: Secret, metadata: {name: s}, stringData: {k: v}}"));
    assertThat(secretLive)
        .isEqualTo(
            YamlText.object(
                "{apiVersion: v1, kind: Secret, metadata: {name: s}, data: {k: dw==}}"));
  }

  @Test
  void anObjectOnlyGitDeclaresIsMissingLiveWithNoFields() {
    DiffResult result = ENGINE.diff(YamlText.object(DESIRED), null);

    assertThat(result.type()).isEqualTo(DriftType.MISSING_LIVE);
    assertThat(result.fields()).isEmpty();
  }

  @Test
  void anObjectOnlyTheClusterHasIsExtraLiveWithNoFields() {
    DiffResult result = ENGINE.diff(null, YamlText.object(LIVE));

    assertThat(result.type()).isEqualTo(DriftType.EXTRA_LIVE);
    assertThat(result.fields()).isEmpty();
  }

  @Test
  void nothingToCompareIsAnError() {
    assertThatThrownBy(() -> ENGINE.diff(null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("both desired and live are absent");
  }

  @Test
  void theOptOutAnnotationOnEitherSideMeansNoDrift() {
    ObjectNode optedOutDesired = YamlText.object(DESIRED);
    ((ObjectNode) optedOutDesired.get("metadata"))
        .putObject("annotations")
        .put("driftwatch.io/ignore", "true");
    ObjectNode optedOutLive = YamlText.object(LIVE);
    ((ObjectNode) optedOutLive.at("/metadata/annotations")).put("driftwatch.io/ignore", "true");

    assertThat(ENGINE.diff(optedOutDesired, YamlText.object(LIVE)).type())
        .isEqualTo(DriftType.NONE);
    assertThat(ENGINE.diff(YamlText.object(DESIRED), optedOutLive).type())
        .isEqualTo(DriftType.NONE);
    assertThat(ENGINE.diff(optedOutDesired, null).type()).isEqualTo(DriftType.NONE);
    assertThat(ENGINE.diff(null, optedOutLive).type()).isEqualTo(DriftType.NONE);
  }

  @Test
  void anOptOutAnnotationSetToAnythingButTrueIsIgnored() {
    ObjectNode desired = YamlText.object(DESIRED);
    ((ObjectNode) desired.get("metadata"))
        .putObject("annotations")
        .put("driftwatch.io/ignore", "false");

    assertThat(ENGINE.diff(desired, YamlText.object(LIVE)).type()).isEqualTo(DriftType.MODIFIED);
  }

  @Test
  void theSameEngineGivesTheSameAnswerTwice() {
    ObjectNode desired = YamlText.object(DESIRED);
    ObjectNode live = YamlText.object(LIVE);

    assertThat(ENGINE.diff(desired, live)).isEqualTo(ENGINE.diff(desired, live));
  }
}
