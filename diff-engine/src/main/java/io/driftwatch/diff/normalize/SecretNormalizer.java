package io.driftwatch.diff.normalize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.model.secret.SecretRedactor;

/**
 * Folds a Secret's {@code stringData} into {@code data} and replaces every value by its keyed HMAC,
 * so that a value written either way compares equal and no value or base64 of one reaches a result.
 * Input the ingest stages already redacted stays as it is.
 */
public final class SecretNormalizer {

  private final SecretRedactor redactor;

  public SecretNormalizer(SecretRedactor redactor) {
    if (redactor == null) {
      throw new IllegalArgumentException("A SecretRedactor is required to compare Secrets");
    }
    this.redactor = redactor;
  }

  /** Redacts {@code manifest} in place when it is a core Secret; other kinds are left alone. */
  public void normalize(ObjectNode manifest) {
    redactor.redact(manifest);
  }
}
