package io.driftwatch.ingest.cluster.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Captures what the process logs while it is open. slf4j-simple (the tests' logger) writes each
 * line to whatever {@code System.err} is at that moment, so this tees {@code System.err} into a
 * buffer and restores it on close.
 */
public final class LogCapture implements AutoCloseable {

  private final PrintStream original = System.err;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

  private LogCapture() {
    OutputStream tee =
        new OutputStream() {
          @Override
          public void write(int b) {
            synchronized (captured) {
              captured.write(b);
            }
            original.write(b);
          }

          @Override
          public void write(byte[] bytes, int offset, int length) {
            synchronized (captured) {
              captured.write(bytes, offset, length);
            }
            original.write(bytes, offset, length);
          }
        };
    System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
  }

  /** Starts capturing. */
  public static LogCapture start() {
    return new LogCapture();
  }

  /** Everything logged so far, as bytes. */
  public byte[] bytes() {
    synchronized (captured) {
      return captured.toByteArray();
    }
  }

  /** The lines logged so far that contain {@code text}. */
  public List<String> linesContaining(String text) {
    return Arrays.stream(new String(bytes(), StandardCharsets.UTF_8).split("\n"))
        .filter(line -> line.contains(text))
        .toList();
  }

  @Override
  public void close() {
    System.err.flush();
    System.setErr(original);
  }
}
