package io.driftwatch.ingest.git;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** What the code under test logged: slf4j-simple writes to System.err. */
public final class CapturedStderr {

  private CapturedStderr() {}

  /** Runs {@code action} and returns what was written to System.err meanwhile (and echoes it). */
  public static String of(Action action) throws Exception {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    String text = captured.toString(StandardCharsets.UTF_8);
    original.print(text);
    return text;
  }

  /** A test action that may throw. */
  public interface Action {
    void run() throws Exception;
  }
}
