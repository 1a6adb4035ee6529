/**
 * JSON Pointers (RFC 6901), the one way a difference names a field: building them token by token
 * with {@code ~} and {@code /} escaped, and reading them back.
 */
package io.driftwatch.diff.path;
