package io.driftwatch.ingest.git.render.kustomize.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One object a generator made, before kustomize names it.
 *
 * @param object the ConfigMap or Secret, named as declared (no hash suffix yet)
 * @param behavior {@code create}, {@code merge} or {@code replace}: what to do with an object of
 *     the same name from the resources
 * @param hashSuffix whether kustomize appends the content hash to the name (false with
 *     disableNameSuffixHash)
 */
public record Generated(ObjectNode object, String behavior, boolean hashSuffix) {}
