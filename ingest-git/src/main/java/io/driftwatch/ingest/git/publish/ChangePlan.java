package io.driftwatch.ingest.git.publish;

import io.driftwatch.ingest.git.render.RenderedManifest;
import io.driftwatch.model.ResourceKey;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What publishing one commit of one source must send: the objects that are new or changed, the keys
 * to tombstone, and the source's published state once that is done.
 *
 * @param upserts new or changed objects, in declaration order
 * @param tombstones keys the source published before and no longer declares
 * @param retained keys kept although not rendered, because their file failed to render
 * @param next the state to remember once the records are committed
 */
public record ChangePlan(
    Map<ResourceKey, RenderedManifest> upserts,
    List<ResourceKey> tombstones,
    List<ResourceKey> retained,
    Map<ResourceKey, PublishedObject> next) {

  public ChangePlan {
    upserts = Collections.unmodifiableMap(new LinkedHashMap<>(upserts));
    tombstones = List.copyOf(tombstones);
    retained = List.copyOf(retained);
    next = Collections.unmodifiableMap(new LinkedHashMap<>(next));
  }
}
