package io.driftwatch.diff.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.driftwatch.diff.YamlText;
import io.driftwatch.diff.normalize.EmptyValueNormalizer;
import io.driftwatch.diff.normalize.QuantityNormalizer;
import io.driftwatch.diff.schema.BuiltinSchemas;
import io.driftwatch.diff.schema.SchemaNode;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubsetComparatorTest {

  private static final String POD_TEMPLATE =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: api, namespace: shop}
      spec:
        template:
          spec:
      %s
      """;

  /** The differences after the normalisations the comparator relies on (empty, quantities). */
  private static List<Difference> compare(String desiredYaml, String liveYaml) {
    ObjectNode desired = YamlText.object(desiredYaml);
    ObjectNode live = YamlText.object(liveYaml);
    SchemaNode schema = BuiltinSchemas.forManifest(desired);
    EmptyValueNormalizer.normalizeDesired(desired);
    EmptyValueNormalizer.normalizeLive(live);
    QuantityNormalizer.normalize(desired, schema);
    QuantityNormalizer.normalize(live, schema);
    return SubsetComparator.compare(desired, live, schema, null);
  }

  private static String podSpec(String body) {
    return POD_TEMPLATE.formatted(body.indent(6));
  }

  private static List<String> paths(List<Difference> differences) {
    return differences.stream().map(Difference::path).toList();
  }

  @Test
  void reorderedContainersEnvAndPortsAreNoDrift() {
    String desired =
        podSpec(
            """
            containers:
            - name: web
              image: web:1
              env: [{name: A, value: "1"}, {name: B, value: "2"}]
              ports: [{containerPort: 80}, {containerPort: 53, protocol: UDP}]
            - name: sidecar
              image: proxy:1
            """);
    String live =
        podSpec(
            """
            containers:
            - name: sidecar
              image: proxy:1
              imagePullPolicy: IfNotPresent
            - name: web
              image: web:1
              env: [{name: B, value: "2"}, {name: A, value: "1"}]
              ports: [{containerPort: 53, protocol: UDP}, {containerPort: 80, protocol: TCP}]
              terminationMessagePath: /dev/termination-log
            """);

    assertThat(compare(desired, live)).isEmpty();
  }

  @Test
  void aChangedFieldInAMovedContainerIsReportedAtItsDesiredIndexAndLiveIndex() {
    String desired =
        podSpec(
            """
            containers:
            - {name: web, image: web:2}
            - {name: sidecar, image: proxy:1}
            """);
    String live =
        podSpec(
            """
            containers:
            - {name: sidecar, image: proxy:1}
            - {name: web, image: web:1}
            """);

    assertThat(compare(desired, live))
        .containsExactly(
            new Difference(
                "/spec/template/spec/containers/0/image",
                TextNode.valueOf("web:2"),
                TextNode.valueOf("web:1"),
                "/spec/template/spec/containers/1/image"));
  }

  @Test
  void aPortMissingLiveIsADifferenceAtTheItemWithLiveNull() {
    String desired =
        podSpec(
            """
            containers:
            - name: web
              ports: [{containerPort: 80}, {containerPort: 9090, name: metrics}]
            """);
    String live =
        podSpec(
            """
            containers:
            - name: web
              ports: [{containerPort: 80, protocol: TCP}]
            """);

    List<Difference> differences = compare(desired, live);

    assertThat(differences).hasSize(1);
    assertThat(differences.get(0).path()).isEqualTo("/spec/template/spec/containers/0/ports/1");
    assertThat(differences.get(0).desired())
        .isEqualTo(YamlText.node("{containerPort: 9090, name: metrics}"));
    assertThat(differences.get(0).live()).isNull();
    assertThat(differences.get(0).livePointer()).isNull();
  }

  @Test
  void aPortWithAnotherProtocolIsAnotherPort() {
    String desired =
        podSpec("containers: [{name: web, ports: [{containerPort: 53, protocol: UDP}]}]");
    String live = podSpec("containers: [{name: web, ports: [{containerPort: 53, protocol: TCP}]}]");

    assertThat(paths(compare(desired, live)))
        .containsExactly("/spec/template/spec/containers/0/ports/0");
  }

  @Test
  void servicePortsAreMatchedByPortAndProtocolWithTcpAsTheDefault() {
    String desired =
        """
        apiVersion: v1
        kind: Service
        metadata: {name: api}
        spec:
          ports:
          - {name: http, port: 80, targetPort: 8080}
          - {name: dns, port: 53, protocol: UDP}
        """;
    String reordered =
        """
        apiVersion: v1
        kind: Service
        metadata: {name: api}
        spec:
          ports:
          - {name: dns, port: 53, protocol: UDP, targetPort: 53}
          - {name: http, port: 80, protocol: TCP, targetPort: 8080}
        """;
    String changed =
        """
        apiVersion: v1
        kind: Service
        metadata: {name: api}
        spec:
          ports:
          - {name: http, port: 80, protocol: TCP, targetPort: 8081}
          - {name: dns, port: 53, protocol: TCP}
        """;

    assertThat(compare(desired, reordered)).isEmpty();
    assertThat(paths(compare(desired, changed)))
        .containsExactly("/spec/ports/0/targetPort", "/spec/ports/1");
  }

  @Test
  void positionalListsOfEqualLengthAreComparedItemByItem() {
    String desired = podSpec("containers: [{name: web, args: [--port, '80', --verbose]}]");
    String live = podSpec("containers: [{name: web, args: [--port, '81', --verbose]}]");

    assertThat(compare(desired, live))
        .containsExactly(
            new Difference(
                "/spec/template/spec/containers/0/args/1",
                TextNode.valueOf("80"),
                TextNode.valueOf("81"),
                "/spec/template/spec/containers/0/args/1"));
  }

  @Test
  void positionalListsOfDifferentLengthAreOneDifference() {
    String desired = podSpec("containers: [{name: web, args: [a, b]}]");
    String live = podSpec("containers: [{name: web, args: [a, b, c]}]");

    List<Difference> differences = compare(desired, live);

    assertThat(paths(differences)).containsExactly("/spec/template/spec/containers/0/args");
    assertThat(differences.get(0).live()).isEqualTo(YamlText.node("[a, b, c]"));
  }

  @Test
  void positionalObjectItemsAreComparedAsSubsets() {
    String desired = "{apiVersion: example.com/v1, kind: Widget, spec: {rules: [{a: 1}, {b: 2}]}}";
    String live =
        "{apiVersion: example.com/v1, kind: Widget, spec: {rules: [{a: 1, x: 0}, {b: 3}]}}";

    assertThat(paths(compare(desired, live))).containsExactly("/spec/rules/1/b");
  }

  @Test
  void reorderedItemsOfAListWithoutMergeKeyAreDrift() {
    String desired = "{apiVersion: example.com/v1, kind: Widget, spec: {hosts: [a, b]}}";
    String live = "{apiVersion: example.com/v1, kind: Widget, spec: {hosts: [b, a]}}";

    assertThat(paths(compare(desired, live))).containsExactly("/spec/hosts/0", "/spec/hosts/1");
  }

  @Test
  void emptyAndAbsentMatchEitherWay() {
    String desired =
        podSpec(
            """
            securityContext: {}
            containers: [{name: web, args: [], command: [], workingDir: ''}]
            """);
    String live =
        podSpec(
            """
            containers: [{name: web, resources: {}, env: []}]
            nodeSelector: {}
            """);

    assertThat(compare(desired, live)).isEmpty();
  }

  @Test
  void anExplicitNullMatchesOnlyAnAbsentOrEmptyLiveField() {
    String desired = "{apiVersion: v1, kind: ConfigMap, data: {a: null, b: null, c: null}}";
    String live = "{apiVersion: v1, kind: ConfigMap, data: {b: '', c: set}}";

    List<Difference> differences = compare(desired, live);

    assertThat(differences)
        .containsExactly(
            new Difference("/data/c", NullNode.getInstance(), TextNode.valueOf("set"), "/data/c"));
  }

  @Test
  void aFieldMissingLiveIsReportedOnceAtItsTop() {
    String desired =
        podSpec("containers: [{name: web, resources: {limits: {cpu: '1', memory: 1Gi}}}]");
    String live = podSpec("containers: [{name: web}]");

    List<Difference> differences = compare(desired, live);

    assertThat(paths(differences)).containsExactly("/spec/template/spec/containers/0/resources");
    assertThat(differences.get(0).live()).isNull();
  }

  @Test
  void quantitiesInTheSchemaCompareByAmount() {
    String desired =
        podSpec(
            "containers: [{name: web, resources: {limits: {cpu: 1, memory: 1Gi}, requests: {cpu: 0.5}}}]");
    String same =
        podSpec(
            "containers: [{name: web, resources: {limits: {cpu: 1000m, memory: 1024Mi}, requests: {cpu: 500m}}}]");
    String more =
        podSpec(
            "containers: [{name: web, resources: {limits: {cpu: '2', memory: 1024Mi}, requests: {cpu: 500m}}}]");

    assertThat(compare(desired, same)).isEmpty();
    assertThat(paths(compare(desired, more)))
        .containsExactly("/spec/template/spec/containers/0/resources/limits/cpu");
  }

  @Test
  void numbersCompareByValue() {
    assertThat(SubsetComparator.leafEquals(IntNode.valueOf(2), DoubleNode.valueOf(2.0))).isTrue();
    assertThat(SubsetComparator.leafEquals(IntNode.valueOf(2), LongNode.valueOf(2L))).isTrue();
    assertThat(
            SubsetComparator.leafEquals(
                DoubleNode.valueOf(0.1),
                com.fasterxml.jackson.databind.node.DecimalNode.valueOf(new BigDecimal("0.10"))))
        .isTrue();
    assertThat(SubsetComparator.leafEquals(IntNode.valueOf(2), DoubleNode.valueOf(2.5))).isFalse();
    assertThat(SubsetComparator.leafEquals(IntNode.valueOf(2), TextNode.valueOf("2"))).isFalse();
    assertThat(
            compare(
                "{apiVersion: apps/v1, kind: Deployment, spec: {replicas: 2}}",
                "{apiVersion: apps/v1, kind: Deployment, spec: {replicas: 2.0}}"))
        .isEmpty();
  }

  @Test
  void identityFieldsAreNeverDifferences() {
    String desired =
        "{apiVersion: apps/v1, kind: Deployment, metadata: {name: api, namespace: shop, labels: {a: b}}}";
    String live =
        "{apiVersion: apps/v1beta2, kind: Deployment, metadata: {name: api2, namespace: other, labels: {a: b}}}";

    assertThat(compare(desired, live)).isEmpty();
  }

  @Test
  void aNameFieldDeeperDownIsCompared() {
    String desired = "{apiVersion: v1, kind: ConfigMap, data: {name: a, kind: x}}";
    String live = "{apiVersion: v1, kind: ConfigMap, data: {name: b, kind: x}}";

    assertThat(paths(compare(desired, live))).containsExactly("/data/name");
  }

  @Test
  void aTypeMismatchIsADifference() {
    String desired = "{apiVersion: v1, kind: ConfigMap, data: {a: {b: c}}}";
    String live = "{apiVersion: v1, kind: ConfigMap, data: {a: text}}";

    assertThat(paths(compare(desired, live))).containsExactly("/data/a");
  }

  @Test
  void pathsEscapeSlashAndTilde() {
    String desired =
        "{apiVersion: v1, kind: ConfigMap, metadata: {annotations: {'example.com/a~b': x}}}";
    String live =
        "{apiVersion: v1, kind: ConfigMap, metadata: {annotations: {'example.com/a~b': y}}}";

    assertThat(paths(compare(desired, live)))
        .containsExactly("/metadata/annotations/example.com~1a~0b");
  }

  @Test
  void differencesFollowDesiredDocumentOrder() {
    String desired = "{apiVersion: v1, kind: ConfigMap, data: {z: 1, a: 1, m: 1}}";
    String live = "{apiVersion: v1, kind: ConfigMap, data: {a: 2, m: 2, z: 2}}";

    assertThat(paths(compare(desired, live))).containsExactly("/data/z", "/data/a", "/data/m");
  }

  @Test
  void duplicateEnvNamesAreMatchedInOrder() {
    String desired =
        podSpec("containers: [{name: web, env: [{name: A, value: '1'}, {name: A, value: '2'}]}]");
    String same =
        podSpec("containers: [{name: web, env: [{name: A, value: '1'}, {name: A, value: '2'}]}]");
    String oneLess = podSpec("containers: [{name: web, env: [{name: A, value: '1'}]}]");

    assertThat(compare(desired, same)).isEmpty();
    assertThat(paths(compare(desired, oneLess)))
        .containsExactly("/spec/template/spec/containers/0/env/1");
  }

  @Test
  void tolerationsAreMatchedAsASet() {
    String desired =
        podSpec(
            """
            tolerations:
            - {key: a, effect: NoSchedule}
            - {key: b, operator: Exists}
            """);
    String live =
        podSpec(
            """
            tolerations:
            - {key: node.kubernetes.io/not-ready, operator: Exists, effect: NoExecute, tolerationSeconds: 300}
            - {key: b, operator: Exists}
            - {key: a, operator: Equal, effect: NoSchedule}
            """);

    assertThat(compare(desired, live)).isEmpty();
  }

  @Test
  void matchingALongListMapIsLinear() {
    int n = 50_000;
    ObjectNode desired = YamlText.object("{apiVersion: v1, kind: Pod, spec: {}}");
    ObjectNode live = desired.deepCopy();
    var desiredContainers = ((ObjectNode) desired.get("spec")).putArray("containers");
    var liveContainers = ((ObjectNode) live.get("spec")).putArray("containers");
    for (int i = 0; i < n; i++) {
      desiredContainers.addObject().put("name", "c" + i).put("image", "x");
      liveContainers.addObject().put("name", "c" + (n - 1 - i)).put("image", "x");
    }

    long start = System.nanoTime();
    List<Difference> differences =
        SubsetComparator.compare(desired, live, BuiltinSchemas.forManifest(desired), null);
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(differences).isEmpty();
    // Linear matching takes tens of milliseconds; a quadratic one would compare 2.5·10⁹ pairs.
    assertThat(millis).isLessThan(2_000);
  }
}
