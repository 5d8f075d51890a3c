package io.lambdaretail.serving;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rows upserted per Cassandra table in this run, topics without a table and rows left out, for the
 * JSON summary. A replayed batch is counted again (its upserts were rewritten).
 */
public final class ServingStats {
  private final Map<String, Long> written = new TreeMap<>();
  private final Map<String, String> rejectedTopics = new TreeMap<>();
  private final Map<String, String> skipped = new TreeMap<>();
  private final Map<String, Long> skippedRows = new TreeMap<>();
  private long deletes;
  private long sessionsClosed;
  private long late;

  synchronized void written(String table, long rows) {
    written.merge(table, rows, Long::sum);
  }

  synchronized void rejectedTopic(String topic, String reason) {
    rejectedTopics.put(topic, reason);
  }

  synchronized void skipped(String table, long rows, String reason) {
    skippedRows.merge(table, rows, Long::sum);
    skipped.put(table, reason);
  }

  synchronized void deleted(long rows) {
    deletes += rows;
  }

  synchronized void sessionsClosed(long rows) {
    sessionsClosed += rows;
  }

  synchronized void late(long events) {
    late += events;
  }

  /** Events older than the watermark: in the lake, not in the speed layer's tables. */
  public synchronized long lateEvents() {
    return late;
  }

  /** The {@code cassandra} object of the summary. */
  public synchronized Map<String, Object> toSummary(String keyspace) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("keyspace", keyspace);
    s.put("tables", new TreeMap<>(written));
    s.put("stale_rows_deleted", deletes);
    s.put("closed_sessions_to_delta", sessionsClosed);
    s.put("late_events", late);
    s.put("rejected_topics", new TreeMap<>(rejectedTopics));
    Map<String, Object> left = new TreeMap<>();
    skippedRows.forEach((t, n) -> left.put(t, Map.of("rows", n, "reason", skipped.get(t))));
    s.put("rows_not_written", left);
    return s;
  }
}
