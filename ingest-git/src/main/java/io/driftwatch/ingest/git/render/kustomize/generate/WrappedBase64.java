package io.driftwatch.ingest.git.render.kustomize.generate;

import java.util.Base64;

/**
 * Base64 as kustomize writes Secret data and ConfigMap binaryData: standard alphabet, and once the
 * encoding reaches 70 characters it is cut into 70-character lines, each ending with a newline (the
 * last one too). The newlines are part of the value kustomize hashes and prints.
 */
final class WrappedBase64 {

  static final int LINE_LENGTH = 70;

  private WrappedBase64() {}

  static String encode(byte[] value) {
    String encoded = Base64.getEncoder().encodeToString(value);
    if (encoded.length() < LINE_LENGTH) {
      return encoded;
    }
    StringBuilder out = new StringBuilder(encoded.length() + encoded.length() / LINE_LENGTH + 1);
    for (int start = 0; start < encoded.length(); start += LINE_LENGTH) {
      out.append(encoded, start, Math.min(start + LINE_LENGTH, encoded.length())).append('\n');
    }
    return out.toString();
  }
}
