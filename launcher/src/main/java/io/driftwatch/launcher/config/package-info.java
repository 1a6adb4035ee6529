/**
 * The one configuration file: its YAML shape ({@link io.driftwatch.launcher.config.ConfigFile}),
 * environment overrides, and the validation that turns it into the immutable per-component records,
 * with errors that name the key and the fix. Nothing else in driftwatch reads the environment.
 */
package io.driftwatch.launcher.config;
