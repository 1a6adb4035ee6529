package io.driftwatch.ingest.git.render.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One {@code images} entry: every {@code image} of every {@code containers} or {@code
 * initContainers} list at any depth (so custom resources with pod specs are covered, as kustomize
 * does) whose name matches gets the new name, tag and digest. A name matches when the image is that
 * name followed by nothing, a tag or a digest ({@code nginx} matches {@code nginx:1.0} and {@code
 * nginx@sha256:...}, not {@code docker.io/nginx}).
 */
final class ImageTransformer {

  private final Pattern matcher;
  private final String newName;
  private final String newTag;
  private final String digest;

  private ImageTransformer(String name, String newName, String newTag, String digest) {
    Pattern pattern;
    try {
      // kustomize builds this pattern from the name unescaped; its quirks are kept.
      pattern = Pattern.compile("^" + name + "(:[a-zA-Z0-9_.{}-]*)?(@sha256:[a-zA-Z0-9_.{}-]*)?$");
    } catch (PatternSyntaxException e) {
      pattern = null;
    }
    this.matcher = pattern;
    this.newName = newName;
    this.newTag = newTag;
    this.digest = digest;
  }

  static void apply(
      List<KustomizeResource> resources,
      String name,
      String newName,
      String newTag,
      String digest) {
    ImageTransformer transformer = new ImageTransformer(name, newName, newTag, digest);
    if (transformer.matcher == null) {
      return;
    }
    for (KustomizeResource resource : resources) {
      transformer.walk(resource.object());
    }
  }

  private void walk(JsonNode node) {
    if (node instanceof ArrayNode array) {
      array.forEach(this::walk);
      return;
    }
    if (!(node instanceof ObjectNode object)) {
      return;
    }
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      if ((field.getKey().equals("containers") || field.getKey().equals("initContainers"))
          && field.getValue() instanceof ArrayNode containers) {
        for (JsonNode container : containers) {
          if (container instanceof ObjectNode map && map.path("image").isTextual()) {
            String image = map.get("image").asText();
            if (matcher.matcher(image).matches()) {
              map.put("image", update(image));
            }
          }
        }
      }
      walk(field.getValue());
    }
  }

  private String update(String image) {
    String[] parts = split(image);
    String name = newName.isEmpty() ? parts[0] : newName;
    String tag = parts[1];
    String sha = parts[2];
    if (!newTag.isEmpty() && !digest.isEmpty()) {
      tag = newTag;
      sha = digest;
    } else if (!newTag.isEmpty()) {
      tag = newTag;
      sha = "";
    } else if (!digest.isEmpty()) {
      tag = "";
      sha = digest;
    }
    return name + (tag.isEmpty() ? "" : ":" + tag) + (sha.isEmpty() ? "" : "@" + sha);
  }

  /** Name, tag and digest of an image reference; a registry port is part of the name. */
  static String[] split(String image) {
    int slash = image.indexOf('/');
    int offset = slash > 0 ? slash : 0;
    String search = image.substring(offset);
    int at = search.indexOf('@');
    int colon = search.indexOf(':');
    if (colon < 0 && at < 0) {
      return new String[] {image, "", ""};
    }
    if (at >= 0 && (at < colon || colon < 0)) {
      return new String[] {image.substring(0, offset + at), "", image.substring(offset + at + 1)};
    }
    if (at >= 0) {
      return new String[] {
        image.substring(0, offset + colon),
        image.substring(offset + colon + 1, offset + at),
        image.substring(offset + at + 1)
      };
    }
    return new String[] {
      image.substring(0, offset + colon), image.substring(offset + colon + 1), ""
    };
  }
}
