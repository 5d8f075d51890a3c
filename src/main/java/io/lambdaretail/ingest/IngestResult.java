package io.lambdaretail.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an ingest run did. {@code inputLines == written + quarantined}, in total and per file; an
 * unreadable rest of a file counts as one input line and one quarantine row.
 */
public record IngestResult(
    IngestOptions options,
    List<FileCounts> files,
    int readUnits,
    String minEventDate,
    String maxEventDate,
    long durationMs) {

  /** Counts of one input file. */
  public record FileCounts(String file, long inputLines, long written, long quarantined) {}

  public long inputLines() {
    return files.stream().mapToLong(FileCounts::inputLines).sum();
  }

  public long written() {
    return files.stream().mapToLong(FileCounts::written).sum();
  }

  public long quarantined() {
    return files.stream().mapToLong(FileCounts::quarantined).sum();
  }

  public double badRatio() {
    return inputLines() == 0 ? 0 : (double) quarantined() / inputLines();
  }

  public Map<String, Object> toSummary() {
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("input_lines", inputLines());
    counts.put("written", written());
    counts.put("quarantined", quarantined());
    Map<String, Object> perFile = new LinkedHashMap<>();
    for (FileCounts f : files) {
      perFile.put(
          f.file(),
          Map.of(
              "input_lines",
              f.inputLines(),
              "written",
              f.written(),
              "quarantined",
              f.quarantined()));
    }
    counts.put("per_file", perFile);
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("source", options.source().cliName());
    s.put("input", options.input());
    s.put("output", options.output());
    s.put("quarantine", options.quarantine());
    s.put("format", options.format().sparkName());
    s.put("files", files.size());
    s.put("read_tasks", readUnits);
    s.put(
        "event_dates",
        Map.of("min", String.valueOf(minEventDate), "max", String.valueOf(maxEventDate)));
    s.put("bad_ratio", badRatio());
    s.put("counts", counts);
    s.put("duration_ms", durationMs);
    return s;
  }
}
