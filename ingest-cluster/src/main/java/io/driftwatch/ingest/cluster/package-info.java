/**
 * ingest-cluster: watches Kubernetes clusters with fabric8 informers and publishes each watched
 * object's normalised live state to {@code gitops.live-state.v1}, with a tombstone when it is
 * deleted and a sync marker per watched kind on {@code gitops.source-status.v1}. This package holds
 * the component and its configuration records, which the launcher maps from YAML.
 */
package io.driftwatch.ingest.cluster;
