package io.lambdaretail.sales;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a {@code predict-sales} run wrote.
 *
 * @param rows output rows, one per input row
 * @param byStatus output rows per status ({@code ok}, {@code unknown_store}, ...)
 * @param cassandraRows rows written to Cassandra (-1 when not asked); rows with an invalid date
 *     have no key there and are counted in {@code byStatus} only
 */
public record SalesPredictionResult(
    SalesPredictionOptions options,
    long rows,
    Map<String, Long> byStatus,
    long cassandraRows,
    long durationMs) {

  public Map<String, Object> toSummary() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("model", options.model());
    s.put("input", options.input());
    s.put("output", options.output());
    s.put("format", options.format().sparkName());
    s.put("rows", rows);
    s.put("by_status", byStatus);
    if (options.cassandra() != null) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("keyspace", options.cassandra().keyspace());
      c.put("table", SalesForecastTable.TABLE);
      c.put("rows", cassandraRows);
      c.put("skipped_invalid_date", byStatus.getOrDefault(SalesPredictionJob.INVALID_DATE, 0L));
      s.put("cassandra", c);
    }
    s.put("duration_ms", durationMs);
    return s;
  }
}
