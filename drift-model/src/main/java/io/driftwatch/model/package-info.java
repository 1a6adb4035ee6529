/**
 * The vocabulary every stage shares: the {@link io.driftwatch.model.ResourceKey} identity and the
 * records that travel on driftwatch's topics. Records are immutable, carry a schema version, and
 * depend on nothing heavier than Jackson.
 */
package io.driftwatch.model;
