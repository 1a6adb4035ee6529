package io.driftwatch.ingest.git.render.kustomize.parity;

import org.junit.jupiter.api.TestReporter;

/**
 * Informational findings of the parity tests (an order that differs from kubectl's, a corpus source
 * left out and why): published as JUnit report entries and printed, because surefire's console and
 * reports show standard output but not report entries.
 */
final class Notes {

  private Notes() {}

  static void publish(TestReporter reporter, String key, String value) {
    reporter.publishEntry(key, value);
    System.out.println("[kustomize parity] " + key + ": " + value);
  }
}
