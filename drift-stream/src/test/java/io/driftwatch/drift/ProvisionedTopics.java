package io.driftwatch.drift;

import io.driftwatch.model.KafkaSettings;
import io.driftwatch.model.topic.TopicProvisioner;
import io.driftwatch.model.topic.Topics;
import io.driftwatch.testkit.TestKafka;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;

/** driftwatch's topics on the test broker, created as a process creates them at start-up. */
public final class ProvisionedTopics {

  private ProvisionedTopics() {}

  /** Creates every topic of {@link Topics#all()} that does not exist yet on the test broker. */
  public static void ensure() {
    try (Admin admin =
        Admin.create(KafkaSettings.of(TestKafka.bootstrapServers()).clientConfig())) {
      new TopicProvisioner(admin, Optional.empty(), Optional.empty(), Duration.ofSeconds(30))
          .ensure(Topics.all());
    }
  }
}
