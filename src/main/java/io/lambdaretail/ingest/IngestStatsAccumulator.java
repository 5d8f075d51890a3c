package io.lambdaretail.ingest;

import org.apache.spark.util.AccumulatorV2;

/**
 * Spark merges a task's accumulator update once, and only for a successful attempt, so the counts
 * stay exact when tasks are retried.
 */
final class IngestStatsAccumulator extends AccumulatorV2<IngestStats, IngestStats> {
  private static final long serialVersionUID = 1L;
  private IngestStats stats = new IngestStats();

  @Override
  public boolean isZero() {
    return stats.isEmpty();
  }

  @Override
  public AccumulatorV2<IngestStats, IngestStats> copy() {
    IngestStatsAccumulator c = new IngestStatsAccumulator();
    c.stats = stats.copy();
    return c;
  }

  @Override
  public void reset() {
    stats = new IngestStats();
  }

  @Override
  public void add(IngestStats v) {
    stats.merge(v);
  }

  @Override
  public void merge(AccumulatorV2<IngestStats, IngestStats> other) {
    stats.merge(other.value());
  }

  @Override
  public IngestStats value() {
    return stats;
  }
}
