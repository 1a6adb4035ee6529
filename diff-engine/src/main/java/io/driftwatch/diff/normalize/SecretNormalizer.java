package io.driftwatch.diff.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.model.secret.SecretRedactor;
import java.util.Map;

/**
 * Folds a Secret's {@code stringData} into {@code data} and replaces every value by its keyed HMAC,
 * so that a value written either way compares equal and no value or base64 of one reaches a result.
 * Input the ingest stages already redacted stays as it is, and so do SOPS markers.
 */
public final class SecretNormalizer {

  private final SecretRedactor redactor;

  public SecretNormalizer(SecretRedactor redactor) {
    if (redactor == null) {
      throw new IllegalArgumentException("A SecretRedactor is required to compare Secrets");
    }
    this.redactor = redactor;
  }

  /**
   * Redacts {@code manifest} in place when it is a core Secret; other kinds are left alone. SOPS
   * markers ({@link SopsMarkers}) are kept as they are, under {@code data}.
   */
  public void normalize(ObjectNode manifest) {
    if (!SecretRedactor.isSecret(manifest)) {
      return;
    }
    Map<String, JsonNode> markers = SopsMarkers.takeFromSecret(manifest);
    redactor.redact(manifest);
    SopsMarkers.restore(manifest, markers);
  }
}
