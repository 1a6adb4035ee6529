/**
 * Test support for driftwatch's integration tests: {@link io.driftwatch.testkit.TestKafka} gives
 * every test JVM one shared Kafka broker (a Kafka container where Docker runs, the in-process
 * broker elsewhere), and {@link io.driftwatch.testkit.TopicProbe} reads a topic from the beginning
 * so a test can wait for the record it expects and see everything else when it does not arrive.
 */
package io.driftwatch.testkit;
