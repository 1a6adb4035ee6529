/**
 * The topic registry: every topic driftwatch reads or writes, declared once with its name, serdes,
 * partitions, cleanup policy and retention, and the provisioner that creates them and checks that
 * desired and live are co-partitioned.
 */
package io.driftwatch.model.topic;
