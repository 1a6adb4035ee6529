/**
 * configMapGenerator and secretGenerator: objects made from literals, files and env files, named
 * with kustomize's content hash suffix.
 */
package io.driftwatch.ingest.git.render.kustomize.generate;
