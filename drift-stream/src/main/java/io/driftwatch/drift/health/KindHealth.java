package io.driftwatch.drift.health;

/** The built-in health rule of one kind: a pure function of the live object. */
@FunctionalInterface
interface KindHealth {

  /**
   * The object's health.
   *
   * @throws UnreadableFieldException when a field the rule reads has the wrong type
   */
  HealthAssessment assess(LiveObject object);
}
