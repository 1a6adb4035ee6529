package io.driftwatch.launcher.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.driftwatch.drift.remediation.RemediationBackoff;
import io.driftwatch.drift.remediation.RemediationPolicy;
import io.driftwatch.drift.remediation.RemediationSettings;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.RemediationRequest.Action;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.serde.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The {@code driftStream.remediation:} section, bound from YAML as the loader binds it (unknown
 * keys rejected) and read into the policy, backoff and tick interval.
 */
class RemediationConfigReaderTest {

  private static final ObjectMapper YAML =
      YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  private static final ResourceKey PROD_WEB =
      ResourceKey.of("prod-eu", "apps/v1", "Deployment", "shop", "web");
  private static final ResourceKey KUBE_DNS =
      ResourceKey.of("prod-eu", "apps/v1", "Deployment", "kube-system", "coredns");

  private final List<String> problems = new ArrayList<>();

  private RemediationSettings read(String yaml) throws Exception {
    return new RemediationConfigReader(problems)
        .read(YAML.readValue(yaml, RemediationSection.class));
  }

  private static Optional<Action> action(
      RemediationPolicy policy, ResourceKey key, DriftType type, Map<String, String> labels) {
    return policy
        .match(key, type, Json.mapper().valueToTree(labels))
        .map(RemediationPolicy.Match::action);
  }

  @Test
  void theDocumentedExampleLoadsWithItsRulesInOrderAndTheBackoffAsWritten() throws Exception {
    RemediationSettings settings =
        read(
            """
            rules:
              - name: hands-off-system
                namespace: "kube-*"
                action: none
              - name: heal-prod-web
                cluster: "prod-*"
                namespace: "*"
                kind: "Deployment"
                labels: "tier=web,!driftwatch.io/frozen"
                driftTypes: [MODIFIED, MISSING_LIVE]
                action: reconcile
              - cluster: "*"
                action: notify
            backoff:
              initial: 2s
              factor: 3
              cap: 5m
              maxAttempts: 4
              resetCooldown: 0s
            tickInterval: 500ms
            """);

    assertThat(problems).isEmpty();
    RemediationPolicy policy = settings.policy();
    assertThat(action(policy, KUBE_DNS, DriftType.MODIFIED, Map.of("tier", "web")))
        .contains(Action.NONE);
    assertThat(action(policy, PROD_WEB, DriftType.MODIFIED, Map.of("tier", "web")))
        .contains(Action.RECONCILE);
    assertThat(action(policy, PROD_WEB, DriftType.EXTRA_LIVE, Map.of("tier", "web")))
        .contains(Action.NOTIFY);
    assertThat(settings.backoff())
        .isEqualTo(
            new RemediationBackoff(
                Duration.ofSeconds(2), 3, Duration.ofMinutes(5), 4, Duration.ZERO));
    assertThat(settings.tickInterval()).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void noSectionOrAnEmptyOneIsDetectOnlyWithEveryDefault() throws Exception {
    RemediationSettings none = new RemediationConfigReader(problems).read(null);
    RemediationSettings empty = read("{}");

    for (RemediationSettings settings : List.of(none, empty)) {
      assertThat(action(settings.policy(), PROD_WEB, DriftType.MODIFIED, Map.of())).isEmpty();
      assertThat(settings.backoff()).isEqualTo(RemediationBackoff.defaults());
      assertThat(settings.tickInterval()).isEqualTo(Duration.ofSeconds(1));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyProblemIsReportedAtOnceNamingItsKeyAndTheFix() throws Exception {
    RemediationSettings settings =
        read(
            """
            rules:
              - name: heal
                action: fix
              - name: heal
                driftTypes: [DRIFTED]
                action: apply
              - labels: "tier in (web"
                action: notify
            backoff:
              initial: soon
              factor: 0
              maxAttempts: 0
              resetCooldown: -5s
            tickInterval: 0s
            """);

    assertThat(problems)
        .containsExactly(
            "driftStream.remediation.rules[1].name: 'heal' is also the name of rules[0]; requests"
                + " carry the name, so give each rule its own",
            "driftStream.remediation.rules[0].action: \"fix\" is not an action; use one of none,"
                + " notify, reconcile, apply",
            "driftStream.remediation.rules[1].driftTypes: \"DRIFTED\" is not a drift type; use"
                + " MODIFIED, MISSING_LIVE, EXTRA_LIVE",
            problems.get(3),
            "driftStream.remediation.backoff.initial: 'soon' is not a positive duration; write"
                + " e.g. 2s, 500ms or 5m, or leave it out for the default 2s",
            "driftStream.remediation.backoff.resetCooldown: '-5s' is not a duration; write e.g."
                + " 2s, 500ms or 5m, or leave it out for the default 330s",
            "driftStream.remediation.backoff.factor: must be at least 1 (it is 0); leave it out"
                + " for the default 3",
            "driftStream.remediation.backoff.maxAttempts: must be at least 1 (it is 0); leave it"
                + " out for the default 6",
            "driftStream.remediation.tickInterval: '0s' is not a positive duration; write e.g."
                + " 2s, 500ms or 5m, or leave it out for the default 1s");
    assertThat(problems.get(3)).startsWith("driftStream.remediation.rules[2].labels");
    assertThat(action(settings.policy(), PROD_WEB, DriftType.MODIFIED, Map.of())).isEmpty();
  }

  @Test
  void aCapShorterThanTheInitialWaitIsReportedWithBothKeys() throws Exception {
    read(
        """
        backoff:
          initial: 10m
          cap: 5m
        """);

    assertThat(problems)
        .singleElement()
        .asString()
        .startsWith("driftStream.remediation.backoff.cap (PT5M) is shorter than")
        .contains("remediation.backoff.initial");
  }

  @Test
  void aMistypedKeyIsRejectedWhenTheSectionIsBound() {
    assertThatThrownBy(() -> read("backoff:\n  maxAttempt: 3\n"))
        .isInstanceOf(UnrecognizedPropertyException.class)
        .hasMessageContaining("maxAttempt");
  }
}
