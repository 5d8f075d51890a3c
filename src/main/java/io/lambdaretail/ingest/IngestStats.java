package io.lambdaretail.ingest;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts gathered while the table is written, so no second pass over the input is needed: input and
 * quarantined lines per file, and the range of event dates written.
 */
final class IngestStats implements Serializable {
  private static final long serialVersionUID = 1L;

  /** file -> {input lines, quarantined lines}. */
  private final Map<String, long[]> perFile = new TreeMap<>();

  private String minDate;
  private String maxDate;

  void countGood(String file, String eventDate) {
    counts(file)[0]++;
    if (minDate == null || eventDate.compareTo(minDate) < 0) {
      minDate = eventDate;
    }
    if (maxDate == null || eventDate.compareTo(maxDate) > 0) {
      maxDate = eventDate;
    }
  }

  void countBad(String file) {
    long[] c = counts(file);
    c[0]++;
    c[1]++;
  }

  void merge(IngestStats other) {
    other.perFile.forEach(
        (file, c) -> {
          long[] mine = counts(file);
          mine[0] += c[0];
          mine[1] += c[1];
        });
    if (other.minDate != null) {
      countDateRange(other.minDate, other.maxDate);
    }
  }

  private void countDateRange(String min, String max) {
    minDate = minDate == null || min.compareTo(minDate) < 0 ? min : minDate;
    maxDate = maxDate == null || max.compareTo(maxDate) > 0 ? max : maxDate;
  }

  boolean isEmpty() {
    return perFile.isEmpty();
  }

  Map<String, long[]> perFile() {
    return perFile;
  }

  String minDate() {
    return minDate;
  }

  String maxDate() {
    return maxDate;
  }

  IngestStats copy() {
    IngestStats c = new IngestStats();
    c.merge(this);
    return c;
  }

  private long[] counts(String file) {
    return perFile.computeIfAbsent(file, f -> new long[2]);
  }
}
