/**
 * driftwatch's meter catalogue: {@link io.driftwatch.telemetry.MeterCatalog} declares every meter
 * the stages register (name, type, unit, description, tag keys), so that one file says what
 * dashboards and alert rules may rely on. It depends on Micrometer's core only, and never on a
 * stage: the values are computed where the data is.
 */
package io.driftwatch.telemetry;
