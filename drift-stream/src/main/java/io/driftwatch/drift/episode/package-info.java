/**
 * Drift episodes: the verdict per resource (from joining desired with live) and the state machine
 * that turns a sequence of verdicts into the current status and deduplicated OPENED / UPDATED /
 * RESOLVED transitions, remembered in a changelogged store so that a restart publishes nothing
 * twice.
 */
package io.driftwatch.drift.episode;
