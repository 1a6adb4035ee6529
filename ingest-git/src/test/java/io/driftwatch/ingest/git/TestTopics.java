package io.driftwatch.ingest.git;

import io.driftwatch.model.topic.TopicProvisioner;
import io.driftwatch.model.topic.Topics;
import io.driftwatch.testkit.TestKafka;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Creates every driftwatch topic on the test broker, as the launcher does before starting. */
public final class TestTopics {

  private TestTopics() {}

  public static void ensureAll() {
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
      new TopicProvisioner(admin, Optional.empty(), Optional.empty(), Duration.ofSeconds(30))
          .ensure(Topics.all());
    }
  }
}
