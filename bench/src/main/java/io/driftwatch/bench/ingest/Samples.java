package io.driftwatch.bench.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Durations of repeated runs of one step, summarised as median, minimum and maximum. */
final class Samples {

  private final List<Long> nanos = new ArrayList<>();
  private final List<Long> cpuNanos = new ArrayList<>();

  void add(long elapsedNanos) {
    nanos.add(elapsedNanos);
  }

  /** One run's elapsed time and the CPU time spent during it. */
  void add(long elapsedNanos, long cpuTimeNanos) {
    nanos.add(elapsedNanos);
    cpuNanos.add(cpuTimeNanos);
  }

  int size() {
    return nanos.size();
  }

  /** The median elapsed time in milliseconds (the mean of the middle two for an even count). */
  double medianMillis() {
    return median(nanos);
  }

  /** The median CPU time in milliseconds, NaN when none was recorded. */
  double medianCpuMillis() {
    return median(cpuNanos);
  }

  private static double median(List<Long> nanos) {
    if (nanos.isEmpty()) {
      return Double.NaN;
    }
    List<Long> sorted = nanos.stream().sorted().toList();
    int n = sorted.size();
    double median =
        n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    return median / 1e6;
  }

  double minMillis() {
    return nanos.stream().mapToLong(Long::longValue).min().orElse(0) / 1e6;
  }

  double maxMillis() {
    return nanos.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6;
  }

  /** {@code median (min-max, n runs)} in milliseconds. */
  String summary() {
    return String.format(
        Locale.ROOT,
        "%,.1f ms (%,.1f-%,.1f, %d runs)",
        medianMillis(),
        minMillis(),
        maxMillis(),
        nanos.size());
  }
}
