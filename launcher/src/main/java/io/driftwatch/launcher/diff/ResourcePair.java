package io.driftwatch.launcher.diff;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One resource as the two files declare it.
 *
 * @param desired the object in the desired file, or null when only live has it
 * @param live the object in the live file, or null when only desired has it
 */
public record ResourcePair(ManifestKey key, ManifestDocument desired, ManifestDocument live) {

  /** The desired manifest, or null. */
  public ObjectNode desiredManifest() {
    return desired == null ? null : desired.manifest();
  }

  /** The live manifest, or null. */
  public ObjectNode liveManifest() {
    return live == null ? null : live.manifest();
  }
}
