package io.driftwatch.ingest.git.render.kustomize.generate;

/**
 * One key and its raw value bytes, as a generator source yields them. No toString of the value:
 * Secret values must never reach a message or a log line.
 */
record KeyValue(String key, byte[] value) {

  @Override
  public String toString() {
    return "KeyValue[key=" + key + ", " + value.length + " bytes]";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof KeyValue that
        && key.equals(that.key)
        && java.util.Arrays.equals(value, that.value);
  }

  @Override
  public int hashCode() {
    return 31 * key.hashCode() + java.util.Arrays.hashCode(value);
  }
}
