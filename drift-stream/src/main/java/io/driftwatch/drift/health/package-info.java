/**
 * Health of live workloads by Argo CD's built-in rules: a pure function of one live object's
 * manifest and status per kind (Deployment, StatefulSet, DaemonSet, ReplicaSet, Pod, Job, Service,
 * PersistentVolumeClaim, HorizontalPodAutoscaler), and the worst-wins rollup over a set of
 * assessments. No I/O and no Kafka: the topology calls {@link
 * io.driftwatch.drift.health.HealthAssessor} and {@link io.driftwatch.drift.health.HealthRollup};
 * docs/health.md lists each rule and where it departs from Argo CD.
 */
package io.driftwatch.drift.health;
