/**
 * Deployment status: for each workload Git declares (every kind with an Argo CD health rule), a
 * phase machine PENDING → PROGRESSING → DEPLOYED / FAILED / DEGRADED over the desired commit,
 * live's agreement with it (the diff engine) and live's health; then a rollup per component ×
 * environment, worst wins, that emits one {@link io.driftwatch.model.DeploymentEvent} per completed
 * deployment with its lead time and time to restore, the records DORA's figures are counted from.
 * {@link io.driftwatch.drift.deploy.DeploymentTopology#attach} adds it to a topology;
 * docs/deployment-status.md gives the rules.
 */
package io.driftwatch.drift.deploy;
