package io.driftwatch.ingest.git.publish;

import io.driftwatch.ingest.git.render.DesiredSet;
import io.driftwatch.ingest.git.render.RenderError;
import io.driftwatch.ingest.git.render.RenderedManifest;
import io.driftwatch.model.ResourceKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares a source's desired set at a new commit with what it last published. Unchanged objects
 * are not sent again; an object that is gone becomes a tombstone, unless the file it came from
 * failed to render at this commit: a typo in a file must not look like the deletion of everything
 * it declares (drift-stream would report those objects as extra in the cluster).
 */
public final class ChangePlanner {

  private ChangePlanner() {}

  public static ChangePlan plan(Map<ResourceKey, PublishedObject> previous, DesiredSet current) {
    Set<String> failedFiles =
        current.errors().stream().map(RenderError::path).collect(Collectors.toSet());
    Map<ResourceKey, RenderedManifest> upserts = new LinkedHashMap<>();
    Map<ResourceKey, PublishedObject> next = new LinkedHashMap<>();
    for (Map.Entry<ResourceKey, RenderedManifest> entry : current.objects().entrySet()) {
      RenderedManifest rendered = entry.getValue();
      PublishedObject now =
          new PublishedObject(
              ContentHash.of(rendered.path(), rendered.manifest()), rendered.path());
      next.put(entry.getKey(), now);
      PublishedObject before = previous.get(entry.getKey());
      if (before == null || !before.contentHash().equals(now.contentHash())) {
        upserts.put(entry.getKey(), rendered);
      }
    }
    List<ResourceKey> tombstones = new ArrayList<>();
    List<ResourceKey> retained = new ArrayList<>();
    for (Map.Entry<ResourceKey, PublishedObject> entry : previous.entrySet()) {
      if (next.containsKey(entry.getKey())) {
        continue;
      }
      if (failedFiles.contains(entry.getValue().path())) {
        retained.add(entry.getKey());
        next.put(entry.getKey(), entry.getValue());
      } else {
        tombstones.add(entry.getKey());
      }
    }
    return new ChangePlan(upserts, tombstones, retained, next);
  }
}
