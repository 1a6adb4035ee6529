package io.driftwatch.model.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.testkit.TestKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TopicProvisionerIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private Admin admin;

  @BeforeEach
  void connect() {
    Properties props = new Properties();
    props.put("bootstrap.servers", TestKafka.bootstrapServers());
    admin = Admin.create(props);
  }

  @AfterEach
  void disconnect() {
    admin.close();
  }

  @Test
  void createsEveryRegisteredTopicWithItsCleanupPolicyAndRetention() throws Exception {
    new TopicProvisioner(admin, Optional.of(3), Optional.empty(), TIMEOUT).ensure(Topics.all());

    assertThat(admin.listTopics().names().get())
        .containsAll(Topics.all().stream().map(Topic::name).toList());
    Map<ConfigResource, Config> configs =
        admin
            .describeConfigs(
                List.of(
                    new ConfigResource(ConfigResource.Type.TOPIC, Topics.DESIRED_STATE.name()),
                    new ConfigResource(ConfigResource.Type.TOPIC, Topics.DRIFT_EVENTS.name())))
            .all()
            .get();
    assertThat(
            configs
                .get(new ConfigResource(ConfigResource.Type.TOPIC, Topics.DESIRED_STATE.name()))
                .get("cleanup.policy")
                .value())
        .isEqualTo("compact");
    Config events =
        configs.get(new ConfigResource(ConfigResource.Type.TOPIC, Topics.DRIFT_EVENTS.name()));
    assertThat(events.get("cleanup.policy").value()).isEqualTo("delete");
    assertThat(events.get("retention.ms").value())
        .isEqualTo(Long.toString(Duration.ofDays(30).toMillis()));
  }

  @Test
  void existingTopicsAreLeftAsTheyAre() {
    TopicProvisioner provisioner =
        new TopicProvisioner(admin, Optional.of(3), Optional.empty(), TIMEOUT);
    provisioner.ensure(Topics.all());

    assertThat(provisioner.ensure(Topics.all())).isEmpty();
  }

  @Test
  void refusesJoinedTopicsWithDifferentPartitionCountsAndSaysHowToFixIt() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Topic<String, String> desired = topic("test.desired-" + suffix);
    Topic<String, String> live = topic("test.live-" + suffix);
    admin
        .createTopics(
            List.of(
                new NewTopic(desired.name(), 4, (short) 1),
                new NewTopic(live.name(), 2, (short) 1)))
        .all()
        .get();
    TopicProvisioner provisioner =
        new TopicProvisioner(admin, Optional.empty(), Optional.empty(), TIMEOUT);

    assertThatThrownBy(() -> provisioner.checkCopartitioned(List.of(desired, live)))
        .isInstanceOf(TopicLayoutException.class)
        .hasMessageContaining(desired.name() + " has 4")
        .hasMessageContaining(live.name() + " has 2")
        .hasMessageContaining("--alter --topic " + live.name() + " --partitions 4");
  }

  @Test
  void anUnreachableClusterIsNamedInTheError() {
    Properties props = new Properties();
    props.put("bootstrap.servers", "127.0.0.1:1");
    Admin nowhere = Admin.create(props);
    try {
      TopicProvisioner provisioner =
          new TopicProvisioner(nowhere, Optional.empty(), Optional.empty(), Duration.ofSeconds(2));

      assertThatThrownBy(() -> provisioner.ensure(Topics.all()))
          .isInstanceOf(TopicLayoutException.class)
          .hasMessageContaining("kafka.bootstrapServers");
    } finally {
      // The abandoned call would otherwise hold close() for the admin's whole default API timeout.
      nowhere.close(Duration.ZERO);
    }
  }

  private static Topic<String, String> topic(String name) {
    return new Topic<>(name, Serdes.String(), Serdes.String(), 1, CleanupPolicy.COMPACT, null);
  }
}
