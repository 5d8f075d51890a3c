package io.lambdaretail.recs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a {@code recommend} run wrote.
 *
 * @param users users given a list
 * @param usersUnknown of which the model did not know (they got the popularity list)
 * @param recommendations items written in total
 */
public record RecommendResult(
    RecommendOptions options,
    String kind,
    String modelVersion,
    long users,
    long usersUnknown,
    long recommendations,
    long durationMs) {

  public Map<String, Object> toSummary() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("model", options.model());
    s.put("kind", kind);
    s.put("model_version", modelVersion);
    s.put("k", options.k());
    s.put("exclude", options.exclude().cliName());
    Map<String, Object> outputs = new LinkedHashMap<>();
    if (options.out() != null) {
      outputs.put(options.format().cliName(), options.out());
    }
    if (options.cassandra() != null) {
      outputs.put("cassandra", options.cassandra().keyspace() + "." + options.cassandra().table());
    }
    s.put("outputs", outputs);
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("users", users);
    counts.put("users_unknown", usersUnknown);
    counts.put("recommendations", recommendations);
    s.put("counts", counts);
    s.put("duration_ms", durationMs);
    return s;
  }
}
