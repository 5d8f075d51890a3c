package io.lambdaretail.stream;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What this run wrote, kept on the driver across micro-batches. A batch replayed after a restart is
 * counted again here even where Delta skipped the write (the tables hold it once).
 */
final class StreamStats {
  private long batches;
  private long raw;
  private long deadLetters;
  private final Map<String, Long> typed = new TreeMap<>();
  private final Map<String, String> rejectedTopics = new TreeMap<>();
  private final TreeSet<String> newColumns = new TreeSet<>();

  synchronized void batch(long rawRows) {
    batches++;
    raw += rawRows;
  }

  synchronized void typed(String topic, long rows) {
    typed.merge(topic, rows, Long::sum);
  }

  synchronized void deadLetters(long rows) {
    deadLetters += rows;
  }

  synchronized void rejectedTopic(String topic, String reason) {
    rejectedTopics.put(topic, reason);
  }

  synchronized void newColumn(String topic, String column) {
    newColumns.add(topic + "." + column);
  }

  synchronized long batches() {
    return batches;
  }

  /** Rows per table: raw, each topic's table, dead_letters. */
  synchronized Map<String, Long> tables() {
    Map<String, Long> out = new LinkedHashMap<>();
    out.put(LakeNames.RAW, raw);
    out.putAll(typed);
    out.put(LakeNames.DEAD_LETTERS, deadLetters);
    return out;
  }

  synchronized long deadLetterCount() {
    return deadLetters;
  }

  synchronized Map<String, String> rejectedTopics() {
    return new TreeMap<>(rejectedTopics);
  }

  synchronized TreeSet<String> newColumns() {
    return new TreeSet<>(newColumns);
  }
}
