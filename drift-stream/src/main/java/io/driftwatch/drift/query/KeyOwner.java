package io.driftwatch.drift.query;

import org.apache.kafka.streams.state.HostInfo;

/**
 * Where one key of one store lives: the instance hosting its active partition, and that partition.
 */
public record KeyOwner(HostInfo host, int partition) {}
