/**
 * Kubernetes resource quantities ({@code 500m}, {@code 1Gi}, {@code 1e3}) read as exact decimal
 * values, so that two spellings of the same amount compare equal while each is still shown as it
 * was written.
 */
package io.driftwatch.diff.quantity;
