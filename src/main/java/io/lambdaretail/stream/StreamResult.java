package io.lambdaretail.stream;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A finished run of {@code stream}, as the JSON summary reports it.
 *
 * @param cassandra the {@code cassandra} object of the summary; null when not written
 */
public record StreamResult(
    String lake,
    String checkpoint,
    String stopReason,
    StreamStats stats,
    double seconds,
    Map<String, Object> cassandra) {

  public StreamResult(
      String lake, String checkpoint, String stopReason, StreamStats stats, double seconds) {
    this(lake, checkpoint, stopReason, stats, seconds, null);
  }

  public Map<String, Object> toSummary() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("lake", lake);
    s.put("checkpoint", checkpoint);
    s.put("stopped", stopReason);
    s.put("batches", stats.batches());
    s.put("tables", stats.tables());
    s.put("dead_letters", stats.deadLetterCount());
    s.put("rejected_topics", stats.rejectedTopics());
    s.put("new_columns", stats.newColumns());
    if (cassandra != null) {
      s.put("late_events", cassandra.get("late_events"));
      s.put("cassandra", cassandra);
    }
    s.put("seconds", Math.round(seconds * 10) / 10.0);
    return s;
  }
}
