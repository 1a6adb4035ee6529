/**
 * configMapGenerator and secretGenerator as kustomize v5.5.0 runs them: ConfigMaps and Secrets made
 * from literals, files and env files, with kustomize's field layout, its refusals, and the content
 * hash it appends to their names, bit for bit. Secret values live only in memory here (they are
 * needed for the hash and are redacted after rendering), so no exception message carries a value.
 */
package io.driftwatch.ingest.git.render.kustomize.generate;
