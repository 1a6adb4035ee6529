/**
 * The picocli commands: {@code run} for every stage in one JVM, one subcommand per stage for
 * scaling out.
 */
package io.driftwatch.launcher.command;
