/**
 * Kafka serdes for driftwatch's records: JSON through one shared, configured {@link
 * com.fasterxml.jackson.databind.ObjectMapper}, and the canonical string form for resource keys.
 * Every serde maps null to null both ways, so a delete is a tombstone.
 */
package io.driftwatch.model.serde;
