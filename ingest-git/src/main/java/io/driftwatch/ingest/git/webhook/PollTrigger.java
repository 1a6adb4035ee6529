package io.driftwatch.ingest.git.webhook;

import java.util.Collection;
import java.util.List;

/** What a webhook may ask of ingest-git: poll these sources now. */
public interface PollTrigger {

  /** Schedules an immediate poll of each known id and returns the ids it scheduled. */
  List<String> trigger(Collection<String> sourceIds);

  /** Every source ingest-git polls now, discovered ones included. */
  List<String> sourceIds();
}
