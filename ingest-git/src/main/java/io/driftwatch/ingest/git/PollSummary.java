package io.driftwatch.ingest.git;

import java.util.List;
import java.util.NoSuchElementException;

/** The outcome of {@link GitIngest#pollOnce()}: one entry per source, in configuration order. */
public record PollSummary(List<SourcePoll> sources) {

  public PollSummary {
    sources = List.copyOf(sources);
  }

  /** The entry of one source. */
  public SourcePoll source(String sourceId) {
    return sources.stream()
        .filter(s -> s.sourceId().equals(sourceId))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("No source '" + sourceId + "' was polled"));
  }

  /** True when no source failed. */
  public boolean allSucceeded() {
    return sources.stream().noneMatch(SourcePoll::failed);
  }
}
