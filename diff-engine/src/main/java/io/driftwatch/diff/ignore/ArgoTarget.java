package io.driftwatch.diff.ignore;

/**
 * Argo CD's targeting: group (empty is the core group) and kind always, name and namespace when
 * given (null here means any); {@code *} globs in each.
 */
record ArgoTarget(Glob group, Glob kind, Glob name, Glob namespace) implements Target {

  @Override
  public boolean matches(ObjectIdentity object) {
    return kind.matches(object.kind())
        && group.matches(object.group())
        && (name == null || name.matches(object.name()))
        && (namespace == null || namespace.matches(object.namespace()));
  }
}
