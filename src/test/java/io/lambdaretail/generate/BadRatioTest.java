package io.lambdaretail.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadRatioTest {
  enum Kind {
    GOOD,
    BROKEN_JSON,
    WRONG_TYPE,
    MISSING_FIELD
  }

  @TempDir Path out;

  @Test
  void mixesAllThreeClassesAtAboutTheRequestedRatio() {
    GenerateOptions options =
        GeneratedFiles.withBadRatio(GeneratedFiles.options(out, 3000, 200, 5, 11), 0.1);
    GenerateResult result = new GenerateJob(options).run();

    for (String dataset : List.of("pdpviews", "transactions")) {
      Map<Kind, Integer> counts = classify(GeneratedFiles.xzLines(out.resolve(dataset)), dataset);
      int total = counts.values().stream().mapToInt(Integer::intValue).sum();
      int bad = total - counts.getOrDefault(Kind.GOOD, 0);
      DatasetStats stats = result.datasets().get(dataset);
      assertThat(stats.badLines()).as("bad_lines of %s", dataset).isEqualTo(bad);
      assertThat(stats.lines()).as("lines of %s", dataset).isEqualTo(total);
      assertThat((double) bad / total).as("bad share of %s", dataset).isBetween(0.07, 0.13);
      for (Kind kind : List.of(Kind.BROKEN_JSON, Kind.WRONG_TYPE, Kind.MISSING_FIELD)) {
        assertThat(counts.getOrDefault(kind, 0))
            .as("%s lines of %s", kind, dataset)
            .isGreaterThan(bad / 6);
      }
    }
  }

  private static Map<Kind, Integer> classify(List<String> lines, String dataset) {
    Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
    for (String line : lines) {
      counts.merge(classify(line, dataset), 1, Integer::sum);
    }
    return counts;
  }

  private static Kind classify(String line, String dataset) {
    Optional<JsonNode> parsed = GeneratedFiles.parse(line);
    if (parsed.isEmpty()) {
      return Kind.BROKEN_JSON;
    }
    JsonNode node = parsed.get();
    List<String> required =
        dataset.equals("pdpviews")
            ? List.of("browser_id", "user_id", "product_id", "timestamp")
            : List.of("user_id", "browser_id", "order_id", "timestamp", "items");
    if (!required.stream().allMatch(node::has)) {
      return Kind.MISSING_FIELD;
    }
    return wellTyped(node) ? Kind.GOOD : Kind.WRONG_TYPE;
  }

  private static boolean wellTyped(JsonNode node) {
    if (node.has("product_id") && !node.get("product_id").isTextual()) {
      return false;
    }
    if (!validTimestamp(node.get("timestamp"))) {
      return false;
    }
    for (JsonNode item : node.path("items")) {
      if (!item.get("product_id").isTextual() || !item.get("quantity").isInt()) {
        return false;
      }
    }
    return true;
  }

  private static boolean validTimestamp(JsonNode timestamp) {
    if (timestamp.isIntegralNumber()) {
      return true;
    }
    try {
      OffsetDateTime.parse(timestamp.asText());
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
