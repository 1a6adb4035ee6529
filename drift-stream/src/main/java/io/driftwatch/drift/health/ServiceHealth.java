package io.driftwatch.drift.health;

import static io.driftwatch.drift.health.LiveObject.list;
import static io.driftwatch.drift.health.LiveObject.text;

/**
 * Service (core): a LoadBalancer service is Progressing until the cloud has given it at least one
 * ingress point (IP or hostname); every other service is Healthy.
 */
final class ServiceHealth {

  private ServiceHealth() {}

  static HealthAssessment assess(LiveObject service) {
    if ("LoadBalancer".equals(text(service.spec().path("type"), "spec.type"))
        && list(
                service.status().path("loadBalancer").path("ingress"),
                "status.loadBalancer.ingress")
            .isEmpty()) {
      return HealthAssessment.of(
          HealthStatus.PROGRESSING, "waiting for the load balancer to be given an address");
    }
    return HealthAssessment.healthy();
  }
}
