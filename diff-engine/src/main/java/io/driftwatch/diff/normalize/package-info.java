/**
 * Normalisers that bring desired and live to one form before they are compared
 * (docs/drift-semantics.md §3): server-set metadata and status dropped, Secret values replaced by
 * their keyed HMAC (SOPS markers kept, §8), empty values treated as absent, quantities made
 * comparable by value. Each works in place on a copy the engine owns; {@code NormalizedCopy}
 * applies all but the Secret step while building that copy, in one walk.
 */
package io.driftwatch.diff.normalize;
