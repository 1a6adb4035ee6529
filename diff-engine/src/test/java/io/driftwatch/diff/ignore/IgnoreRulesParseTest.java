package io.driftwatch.diff.ignore;

import static io.driftwatch.diff.ignore.Yaml.object;
import static io.driftwatch.diff.ignore.Yaml.rules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.thisptr.jackson.jq.JsonQuery;
import net.thisptr.jackson.jq.Versions;
import net.thisptr.jackson.jq.exception.JsonQueryException;
import org.junit.jupiter.api.Test;

class IgnoreRulesParseTest {

  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: shop, labels: {app: web}}
      spec:
        replicas: 2
        paused: false
      """;

  @Test
  void mappingWithBothKeysCombinesBothDialects() {
    IgnoreRules rules =
        rules(
            """
            ignoreDifferences:
            - group: apps
              kind: Deployment
              jsonPointers: [/spec/replicas]
            ignore:
            - paths: [/spec/paused]
              target: {kind: Deployment}
            """);
    ObjectNode deployment = object(DEPLOYMENT);

    rules.apply(deployment, null);

    assertThat(deployment.at("/spec").isEmpty()).isTrue();
  }

  @Test
  void emptyDocumentHasNoRules() {
    assertThat(IgnoreRules.parse(null, "rules.yaml").isEmpty()).isTrue();
    assertThat(IgnoreRules.parse(NullNode.getInstance(), "rules.yaml").isEmpty()).isTrue();
    assertThat(rules("[]").isEmpty()).isTrue();
    assertThat(rules("ignoreDifferences: []").isEmpty()).isTrue();
  }

  @Test
  void targetsTellsWhetherAnyRuleSelectsTheObject() {
    IgnoreRules rules = rules("[{group: apps, kind: Deployment, jsonPointers: [/spec/replicas]}]");

    assertThat(rules.targets(object(DEPLOYMENT))).isTrue();
    assertThat(rules.targets(object(DEPLOYMENT.replace("Deployment", "DaemonSet")))).isFalse();
  }

  @Test
  void unknownArgoKeyIsNamedWithTheKnownKeys() {
    assertThatThrownBy(
            () ->
                rules(
                    """
                    ignoreDifferences:
                    - {group: apps, kind: Deployment, jsonPointers: [/spec/replicas]}
                    - {group: apps, kind: Deployment, jsonPointers: [/spec/paused]}
                    - {group: apps, kind: Deployment, jsonPointer: [/spec/replicas]}
                    """))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "rules.yaml: ignoreDifferences[2]: unknown key \"jsonPointer\"; the known keys are"
                + " group, kind, name, namespace, jsonPointers, jqPathExpressions,"
                + " managedFieldsManagers");
  }

  @Test
  void fluxKeyUnderIgnoreDifferencesSaysWhereItBelongs() {
    assertThatThrownBy(() -> rules("ignoreDifferences: [{kind: Deployment, paths: [/a]}]"))
        .hasMessageStartingWith("rules.yaml: ignoreDifferences[0]: unknown key \"paths\"")
        .hasMessageContaining("it belongs to Flux entries, under ignore:");
  }

  @Test
  void unknownFluxTargetKeyIsNamedWithTheKnownKeys() {
    assertThatThrownBy(() -> rules("ignore: [{paths: [/a], target: {kinds: Deployment}}]"))
        .hasMessage(
            "rules.yaml: ignore[0].target: unknown key \"kinds\"; the known keys are group,"
                + " version, kind, name, namespace, labelSelector, annotationSelector");
  }

  @Test
  void unknownTopLevelKeyIsNamed() {
    assertThatThrownBy(() -> rules("ignoreDiffs: []"))
        .hasMessageStartingWith("rules.yaml: unknown key \"ignoreDiffs\"")
        .hasMessageContaining("ignoreDifferences")
        .hasMessageContaining("ignore");
  }

  @Test
  void argoEntryWithoutKindIsRejected() {
    assertThatThrownBy(() -> rules("ignoreDifferences: [{group: apps, jsonPointers: [/a]}]"))
        .hasMessageStartingWith("rules.yaml: ignoreDifferences[0]: missing kind; add kind:");
  }

  @Test
  void argoEntryThatIgnoresNothingIsRejected() {
    assertThatThrownBy(() -> rules("- {group: apps, kind: Deployment}"))
        .hasMessage(
            "rules.yaml: [0]: ignores nothing; add jsonPointers, jqPathExpressions or"
                + " managedFieldsManagers");
  }

  @Test
  void fluxEntryWithoutPathsIsRejected() {
    assertThatThrownBy(() -> rules("- target: {kind: Deployment}"))
        .hasMessageStartingWith("rules.yaml: [0]: missing paths");
  }

  @Test
  void jsonPointerThatIsNotRfc6901IsRejectedWithItsPosition() {
    assertThatThrownBy(
            () ->
                rules(
                    """
                    - group: apps
                      kind: Deployment
                      jsonPointers: [/spec/replicas, spec/paused]
                    """))
        .hasMessageStartingWith(
            "rules.yaml: [0].jsonPointers[1]: \"spec/paused\" is not an RFC 6901 JSON Pointer:"
                + " it must start with \"/\"")
        .hasMessageContaining("write it as /spec/replicas");
    assertThatThrownBy(() -> rules("- {paths: [/metadata/annotations/a~2b]}"))
        .hasMessageStartingWith(
            "rules.yaml: [0].paths[0]: \"/metadata/annotations/a~2b\" is not an RFC 6901 JSON"
                + " Pointer: \"~\" at position 23 is not followed by 0 or 1");
  }

  @Test
  void emptyJsonPointerIsRejectedBecauseItIsTheWholeObject() {
    assertThatThrownBy(() -> rules("- {kind: ConfigMap, jsonPointers: [\"\"]}"))
        .hasMessageStartingWith("rules.yaml: [0].jsonPointers[0]: the empty JSON Pointer")
        .hasMessageContaining("driftwatch.io/ignore");
  }

  @Test
  void jqExpressionThatDoesNotCompileIsRejectedWithJqsMessage() {
    String broken = ".spec.template.spec.containers[] | select(.name == ";
    String jqMessage = jqCompileError(broken);
    ObjectNode entry = object("{group: apps, kind: Deployment}");
    entry.putArray("jqPathExpressions").add(".spec.replicas").add(broken);

    assertThatThrownBy(() -> IgnoreRules.parse(wrap(entry), "rules.yaml"))
        .hasMessageStartingWith(
            "rules.yaml: ignoreDifferences[0].jqPathExpressions[1]: \""
                + broken
                + "\" does not compile: ")
        .hasMessageContaining(jqMessage);
  }

  private static ObjectNode wrap(ObjectNode entry) {
    ObjectNode document = object("{}");
    document.putArray("ignoreDifferences").add(entry);
    return document;
  }

  private static String jqCompileError(String expression) {
    try {
      JsonQuery.compile(expression, Versions.JQ_1_6);
    } catch (JsonQueryException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected " + expression + " not to compile");
  }

  @Test
  void badRegularExpressionIsRejectedWithTheRegexError() {
    assertThatThrownBy(() -> rules("ignore: [{paths: [/a], target: {name: \"web-[\"}}]"))
        .hasMessageStartingWith(
            "rules.yaml: ignore[0].target.name: \"web-[\" is not a valid regular expression:"
                + " Unclosed character class near index 4");
  }

  @Test
  void badSelectorIsRejectedWithTheProblem() {
    assertThatThrownBy(
            () -> rules("ignore: [{paths: [/a], target: {labelSelector: \"tier in (a,b\"}}]"))
        .hasMessageStartingWith(
            "rules.yaml: ignore[0].target.labelSelector: \"tier in (a,b\" is not a valid"
                + " selector: a \"(\" is never closed");
    assertThatThrownBy(
            () -> rules("ignore: [{paths: [/a], target: {annotationSelector: \"a=b,,c\"}}]"))
        .hasMessageStartingWith(
            "rules.yaml: ignore[0].target.annotationSelector: \"a=b,,c\" is not a valid"
                + " selector: empty requirement");
  }

  @Test
  void listMixingDialectsIsRejected() {
    assertThatThrownBy(
            () ->
                rules(
                    """
                    - {group: apps, kind: Deployment, jsonPointers: [/spec/replicas]}
                    - {paths: [/spec/replicas]}
                    """))
        .hasMessageStartingWith(
            "rules.yaml: [1]: is a Flux ignore entry in a list of Argo CD ignoreDifferences"
                + " entries (see [0])");
    assertThatThrownBy(() -> rules("- {kind: Deployment, paths: [/spec/replicas]}"))
        .hasMessageStartingWith(
            "rules.yaml: [0]: mixes the Argo CD key \"kind\" and the Flux key \"paths\"");
  }

  @Test
  void listOfUnrecognisableEntriesNamesBothKeySets() {
    assertThatThrownBy(() -> rules("- {pointers: [/a]}"))
        .hasMessageStartingWith("rules.yaml: [0]: cannot tell an Argo CD entry (keys group,");
  }

  @Test
  void wrongShapesAreNamed() {
    assertThatThrownBy(() -> rules("ignore: {paths: [/a]}"))
        .hasMessageStartingWith("rules.yaml: ignore: expected a list of entries, found a mapping");
    assertThatThrownBy(() -> rules("- {kind: Deployment, jsonPointers: /spec/replicas}"))
        .hasMessageStartingWith(
            "rules.yaml: [0].jsonPointers: expected a list of strings, found a string");
    assertThatThrownBy(() -> rules("\"just text\""))
        .hasMessageStartingWith("rules.yaml: expected a list of ignore rules");
  }
}
