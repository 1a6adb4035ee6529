package io.driftwatch.diff.ignore;

/** Which objects a rule applies to. */
interface Target {

  boolean matches(ObjectIdentity object);
}
