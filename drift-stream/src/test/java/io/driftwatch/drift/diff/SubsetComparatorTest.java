package io.driftwatch.drift.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.driftwatch.model.FieldDiff;
import io.driftwatch.model.serde.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubsetComparatorTest {

  private final SubsetComparator comparator = new SubsetComparator();

  @Test
  void fieldsOnlyLiveHasAreNotDrift() {
    ObjectNode desired = json("{'spec':{'replicas':2}}");
    ObjectNode live =
        json(
            "{'spec':{'replicas':2,'revisionHistoryLimit':10,'strategy':{'type':'RollingUpdate'}}}");

    assertThat(comparator.compare(desired, live)).isEmpty();
  }

  @Test
  void changedScalarIsOneDiffCarryingBothValues() {
    List<FieldDiff> diffs =
        comparator.compare(json("{'spec':{'replicas':2}}"), json("{'spec':{'replicas':5}}"));

    assertThat(diffs)
        .containsExactly(new FieldDiff("/spec/replicas", IntNode.valueOf(2), IntNode.valueOf(5)));
  }

  @Test
  void fieldMissingLiveIsDiffWithNullLiveValue() {
    List<FieldDiff> diffs =
        comparator.compare(json("{'spec':{'paused':true}}"), json("{'spec':{}}"));

    assertThat(diffs)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.path()).isEqualTo("/spec/paused");
              assertThat(d.desired().booleanValue()).isTrue();
              assertThat(d.live()).isNull();
            });
  }

  @Test
  void statusIdentityAndServerSetMetadataAreIgnored() {
    ObjectNode desired =
        json(
            "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web','namespace':'shop',"
                + "'resourceVersion':'1','uid':'a'},'status':{'replicas':2},'spec':{'replicas':2}}");
    ObjectNode live =
        json(
            "{'apiVersion':'apps/v1beta1','kind':'Deployment','metadata':{'name':'web','namespace':'shop',"
                + "'resourceVersion':'99','uid':'b','generation':4},'status':{'replicas':0},"
                + "'spec':{'replicas':2}}");

    assertThat(comparator.compare(desired, live)).isEmpty();
  }

  @Test
  void labelsAndAnnotationsAreComparedAsSubsets() {
    ObjectNode desired =
        json("{'metadata':{'labels':{'app':'web'},'annotations':{'team':'shop'}}}");
    ObjectNode sameWithExtras =
        json(
            "{'metadata':{'labels':{'app':'web','pod-template-hash':'x'},"
                + "'annotations':{'team':'shop','deployment.kubernetes.io/revision':'3'}}}");
    ObjectNode changed = json("{'metadata':{'labels':{'app':'api'},'annotations':{}}}");

    assertThat(comparator.compare(desired, sameWithExtras)).isEmpty();
    assertThat(comparator.compare(desired, changed))
        .extracting(FieldDiff::path)
        .containsExactly("/metadata/labels/app", "/metadata/annotations/team");
  }

  @Test
  void arraysAreComparedElementByElement() {
    ObjectNode desired =
        json(
            "{'spec':{'containers':[{'name':'web','image':'web:1'},{'name':'side','image':'s:1'}]}}");
    ObjectNode live =
        json(
            "{'spec':{'containers':[{'name':'web','image':'web:2','imagePullPolicy':'Always'},"
                + "{'name':'side','image':'s:1'}]}}");

    assertThat(comparator.compare(desired, live))
        .containsExactly(
            new FieldDiff(
                "/spec/containers/0/image", TextNode.valueOf("web:1"), TextNode.valueOf("web:2")));
  }

  @Test
  void arraysOfDifferentLengthDifferAsAWhole() {
    ObjectNode desired = json("{'spec':{'args':['a','b']}}");
    ObjectNode live = json("{'spec':{'args':['a']}}");

    assertThat(comparator.compare(desired, live))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.path()).isEqualTo("/spec/args");
              assertThat(d.desired().size()).isEqualTo(2);
              assertThat(d.live().size()).isEqualTo(1);
            });
  }

  @Test
  void pointerTokensEscapeTildeAndSlash() {
    ObjectNode desired = json("{'metadata':{'annotations':{'example.com/owner~team':'shop'}}}");
    ObjectNode live = json("{'metadata':{'annotations':{'example.com/owner~team':'ops'}}}");

    assertThat(comparator.compare(desired, live))
        .extracting(FieldDiff::path)
        .containsExactly("/metadata/annotations/example.com~1owner~0team");
  }

  @Test
  void numbersAreEqualWhateverTheirRepresentation() {
    assertThat(comparator.compare(json("{'spec':{'x':2}}"), json("{'spec':{'x':2.0}}"))).isEmpty();
    assertThat(comparator.compare(json("{'spec':{'x':2}}"), json("{'spec':{'x':'2'}}")))
        .extracting(FieldDiff::path)
        .containsExactly("/spec/x");
  }

  @Test
  void explicitNullInGitMeansTheFieldMustBeAbsent() {
    assertThat(comparator.compare(json("{'spec':{'x':null}}"), json("{'spec':{}}"))).isEmpty();
    assertThat(comparator.compare(json("{'spec':{'x':null}}"), json("{'spec':{'x':1}}")))
        .extracting(FieldDiff::path)
        .containsExactly("/spec/x");
  }

  @Test
  void objectReplacedByScalarIsOneDiff() {
    assertThat(comparator.compare(json("{'spec':{'x':{'a':1}}}"), json("{'spec':{'x':3}}")))
        .extracting(FieldDiff::path)
        .containsExactly("/spec/x");
  }

  static ObjectNode json(String singleQuoted) {
    try {
      return (ObjectNode) Json.mapper().readTree(singleQuoted.replace('\'', '"'));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
