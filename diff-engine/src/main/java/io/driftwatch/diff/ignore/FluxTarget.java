package io.driftwatch.diff.ignore;

import io.driftwatch.model.LabelSelector;
import java.util.regex.Pattern;

/**
 * Flux's targeting ({@code target} of an ignore entry): regular expressions matched against the
 * whole group, version, kind, name and namespace, and Kubernetes label and annotation selectors. A
 * null part matches every object.
 */
record FluxTarget(
    Pattern group,
    Pattern version,
    Pattern kind,
    Pattern name,
    Pattern namespace,
    LabelSelector labelSelector,
    LabelSelector annotationSelector)
    implements Target {

  /** The target of an entry without one: every object. */
  static final FluxTarget ANY = new FluxTarget(null, null, null, null, null, null, null);

  @Override
  public boolean matches(ObjectIdentity object) {
    return whole(kind, object.kind())
        && whole(group, object.group())
        && whole(version, object.version())
        && whole(name, object.name())
        && whole(namespace, object.namespace())
        && (labelSelector == null || labelSelector.matches(object.labels()))
        && (annotationSelector == null || annotationSelector.matches(object.annotations()));
  }

  private static boolean whole(Pattern pattern, String value) {
    return pattern == null || pattern.matcher(value).matches();
  }
}
