package io.lambdaretail.generate;

import java.time.LocalDate;

/** The two event dumps, each in its own directory of {@code <name>-<date>-<nnnn>.ndjson.xz}. */
enum EventKind {
  PDPVIEWS("pdpviews"),
  TRANSACTIONS("transactions");

  private final String dataset;

  EventKind(String dataset) {
    this.dataset = dataset;
  }

  /** Data set name, also the directory name under the output root. */
  String dataset() {
    return dataset;
  }

  String fileName(LocalDate day, int fileIndex) {
    return String.format(java.util.Locale.ROOT, "%s-%s-%04d.ndjson.xz", dataset, day, fileIndex);
  }

  /** Matches exactly the files this generator writes, so overwrite deletes nothing else. */
  String filePattern() {
    return dataset + "-\\d{4}-\\d{2}-\\d{2}-\\d{4}\\.ndjson\\.xz";
  }
}
