/**
 * drift-stream: the Kafka Streams application that joins desired with live per resource key and
 * publishes the current drift status and the drift transitions, exactly once. {@link
 * io.driftwatch.drift.DriftTopology} builds the topology (the same one tests drive), {@link
 * io.driftwatch.drift.DriftStream} runs it as a launcher component, and unreadable input goes to
 * the dead-letter topic instead of stopping the application.
 */
package io.driftwatch.drift;
