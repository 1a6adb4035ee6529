/**
 * Field ownership from a live object's {@code metadata.managedFields}: each entry's FieldsV1 set
 * ({@code f:} fields, {@code k:} list-map keys, {@code v:} set values, {@code i:} indices, {@code
 * .} the node itself) resolved by content against a manifest, desired or live, so that the engine
 * can say who set a differing field and which fields a GitOps manager still owns after Git dropped
 * them.
 */
package io.driftwatch.diff.managed;
