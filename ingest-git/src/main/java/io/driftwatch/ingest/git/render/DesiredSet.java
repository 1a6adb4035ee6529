package io.driftwatch.ingest.git.render;

import io.driftwatch.model.ResourceKey;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one source declares at one commit, ready to publish: each object under its resource
 * key (in declaration order, namespace defaulted, Secret values redacted) and every render error.
 */
public record DesiredSet(Map<ResourceKey, RenderedManifest> objects, List<RenderError> errors) {

  public DesiredSet {
    objects = Collections.unmodifiableMap(new LinkedHashMap<>(objects));
    errors = List.copyOf(errors);
  }
}
