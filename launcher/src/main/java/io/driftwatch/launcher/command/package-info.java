/**
 * The picocli commands: {@code run} for every stage in one JVM, one subcommand per stage for
 * scaling out, and {@code diff}, the one-shot comparison of two files with the pipeline's engine.
 */
package io.driftwatch.launcher.command;
