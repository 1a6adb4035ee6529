/**
 * Webhook receivers, as Flux's Receiver: a Git host calls {@code POST /hooks/<receiver>} after a
 * push, the request's signature or token is checked against a secret read from a file, and the
 * receiver's sources are polled at once instead of at their next interval.
 */
package io.driftwatch.ingest.git.webhook;
