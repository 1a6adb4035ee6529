/**
 * The {@code driftwatch} executable: the command line, and the process that runs one or all
 * pipeline stages.
 */
package io.driftwatch.launcher;
