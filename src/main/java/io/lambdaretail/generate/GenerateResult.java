package io.lambdaretail.generate;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of a {@link GenerateJob} run.
 *
 * @param out the output root
 * @param seed the seed everything was drawn from
 * @param scale the preset the run started from
 * @param users registered users
 * @param products catalogue products
 * @param days days of events
 * @param durationMs wall time of the run
 * @param datasets per data set, in the order {@code pdpviews, transactions, deals, users, items,
 *     sales}
 */
public record GenerateResult(
    Path out,
    long seed,
    Scale scale,
    int users,
    int products,
    int days,
    long durationMs,
    Map<String, DatasetStats> datasets) {

  public GenerateResult {
    datasets = Collections.unmodifiableMap(new LinkedHashMap<>(datasets));
  }

  /**
   * The run summary as an ordered, JSON-ready map: {@code out, seed, scale, users, products, days,
   * duration_ms, datasets}, where {@code datasets} maps each name to {@link
   * DatasetStats#toSummary()}.
   */
  public Map<String, Object> toSummary() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("out", out.toString());
    map.put("seed", seed);
    map.put("scale", scale.name().toLowerCase(java.util.Locale.ROOT));
    map.put("users", users);
    map.put("products", products);
    map.put("days", days);
    map.put("duration_ms", durationMs);
    Map<String, Object> sets = new LinkedHashMap<>();
    datasets.forEach((name, stats) -> sets.put(name, stats.toSummary()));
    map.put("datasets", sets);
    return map;
  }
}
