package io.lambdaretail.sales;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a {@code predict-sales} run wrote.
 *
 * @param rows output rows, one per input row
 * @param byStatus output rows per status ({@code ok}, {@code unknown_store}, ...)
 */
public record SalesPredictionResult(
    SalesPredictionOptions options, long rows, Map<String, Long> byStatus, long durationMs) {

  public Map<String, Object> toSummary() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("model", options.model());
    s.put("input", options.input());
    s.put("output", options.output());
    s.put("format", options.format().sparkName());
    s.put("rows", rows);
    s.put("by_status", byStatus);
    s.put("duration_ms", durationMs);
    return s;
  }
}
