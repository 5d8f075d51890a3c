package io.lambdaretail.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdaretail.spark.Schemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tiny preset end to end: every file, its format and the summary. */
class GenerateJobTest {
  @TempDir static Path out;
  static GenerateOptions options;
  static GenerateResult result;

  @BeforeAll
  static void generate() {
    Scale tiny = Scale.TINY;
    options = GeneratedFiles.options(out, tiny.users(), tiny.products(), tiny.days(), 42);
    result = new GenerateJob(options).run();
  }

  @Test
  void writesEveryFile() {
    List<Path> files = GeneratedFiles.listFiles(out);
    int eventFiles = Scale.TINY.days() * Scale.TINY.filesPerDay();
    assertThat(files).as("all files").hasSize(2 * eventFiles + 4);
    assertThat(files)
        .as("fixed files")
        .contains(
            Path.of("deals/deals.ndjson"),
            Path.of("users.csv"),
            Path.of("items.csv"),
            Path.of("sales/sales.csv"),
            Path.of("pdpviews/pdpviews-2024-01-01-0000.ndjson.xz"),
            Path.of("transactions/transactions-2024-01-07-0001.ndjson.xz"));
  }

  @Test
  void everyXzFileHasSeveralBlocks() {
    for (String dataset : List.of("pdpviews", "transactions")) {
      long total = 0;
      for (Path file : GeneratedFiles.xzFiles(out.resolve(dataset))) {
        int blocks = GeneratedFiles.blockCount(file);
        assertThat(blocks).as("blocks of %s", file.getFileName()).isGreaterThanOrEqualTo(2);
        total += blocks;
      }
      assertThat(result.datasets().get(dataset).xzBlocks())
          .as("xz_blocks of %s", dataset)
          .hasValue(total);
    }
  }

  @Test
  void everyPageViewHasTheContractFields() {
    List<String> lines = GeneratedFiles.xzLines(out.resolve("pdpviews"));
    assertThat((long) lines.size())
        .as("lines")
        .isEqualTo(result.datasets().get("pdpviews").lines());
    Map<String, Integer> styles = new HashMap<>();
    for (String line : lines) {
      JsonNode view = GeneratedFiles.parse(line).orElseThrow(() -> new AssertionError(line));
      assertThat(view.get("browser_id").isTextual()).as("browser_id in %s", line).isTrue();
      assertThat(view.get("user_id").isTextual() || view.get("user_id").isNull())
          .as("user_id in %s", line)
          .isTrue();
      assertThat(view.get("product_id").isTextual()).as("product_id in %s", line).isTrue();
      styles.merge(timestampStyle(view.get("timestamp"), line), 1, Integer::sum);
      styles.merge(view.has("session_id") ? "session" : "no-session", 1, Integer::sum);
      styles.merge(view.get("user_id").isNull() ? "anonymous" : "registered", 1, Integer::sum);
      styles.merge(view.size() > 5 ? "extra" : "plain", 1, Integer::sum);
    }
    double n = lines.size();
    assertThat(styles.get("epoch") / n).as("epoch millis share").isBetween(0.07, 0.13);
    assertThat(styles.get("offset") / n).as("offset share").isBetween(0.02, 0.08);
    assertThat(styles.get("no-session") / n).as("views without session_id").isBetween(0.03, 0.2);
    assertThat(styles.get("anonymous") / n).as("anonymous views").isBetween(0.08, 0.35);
    assertThat(styles.get("extra")).as("views with extra keys").isGreaterThan(100);
  }

  @Test
  void everyTransactionHasTheContractFields() {
    List<String> lines = GeneratedFiles.xzLines(out.resolve("transactions"));
    assertThat(lines).as("orders").hasSizeGreaterThan(100);
    Set<String> products =
        GeneratedFiles.csvRows(out.resolve("items.csv")).stream()
            .map(r -> r[0])
            .collect(Collectors.toSet());
    for (String line : lines) {
      JsonNode order = GeneratedFiles.parse(line).orElseThrow(() -> new AssertionError(line));
      assertThat(order.get("user_id").isTextual()).as("user_id in %s", line).isTrue();
      assertThat(order.get("browser_id").isTextual()).as("browser_id in %s", line).isTrue();
      assertThat(order.get("order_id").isTextual()).as("order_id in %s", line).isTrue();
      timestampStyle(order.get("timestamp"), line);
      assertThat(order.get("items").size()).as("items in %s", line).isBetween(1, 3);
      for (JsonNode item : order.get("items")) {
        assertThat(products).as("known product").contains(item.get("product_id").asText());
        assertThat(item.get("quantity").isInt()).as("quantity in %s", line).isTrue();
        assertThat(item.get("quantity").asInt()).as("quantity").isBetween(1, 3);
        assertThat(item.get("price").isNumber()).as("price in %s", line).isTrue();
      }
    }
  }

  @Test
  void featureTablesMatchTheContract() {
    assertThat(GeneratedFiles.header(out.resolve("users.csv")))
        .as("users header")
        .isEqualTo(String.join(",", Schemas.USERS.fieldNames()));
    assertThat(GeneratedFiles.header(out.resolve("items.csv")))
        .as("items header")
        .isEqualTo(String.join(",", Schemas.ITEMS_FEATURES.fieldNames()));
    List<String[]> users = GeneratedFiles.csvRows(out.resolve("users.csv"));
    assertThat(users).as("users").hasSize(options.users());
    assertThat(users.stream().map(r -> r[2]).distinct().count()).as("age bands").isEqualTo(6);
    List<String[]> items = GeneratedFiles.csvRows(out.resolve("items.csv"));
    assertThat(items).as("items").hasSize(options.products());
    assertThat(items.stream().map(r -> r[1]).distinct().count()).as("categories").isEqualTo(12);
    assertThat(items.stream().map(r -> r[4]).collect(Collectors.toSet()))
        .as("price bands")
        .containsExactlyInAnyOrder("budget", "mid", "premium", "luxury");
  }

  @Test
  void dealsHaveEveryContractFieldWithItsType() throws Exception {
    List<String> lines = Files.readAllLines(out.resolve("deals/deals.ndjson"));
    assertThat(lines).as("deals").hasSizeBetween(2000, 5000);
    Set<String> categories =
        GeneratedFiles.csvRows(out.resolve("items.csv")).stream()
            .map(r -> r[1])
            .collect(Collectors.toSet());
    String[] fields = Schemas.DEALS.fieldNames();
    for (String line : lines) {
      JsonNode deal = GeneratedFiles.parse(line).orElseThrow(() -> new AssertionError(line));
      assertThat(deal.fieldNames()).as("fields of %s", line).toIterable().containsExactly(fields);
      for (StructField field : Schemas.DEALS.fields()) {
        assertThat(hasType(deal.get(field.name()), field.dataType().typeName()))
            .as("%s of %s", field.name(), line)
            .isTrue();
      }
      assertThat(categories).as("category").contains(deal.get("category").asText());
      assertThat(deal.get("discount_percentage").asDouble()).as("discount").isBetween(0.0, 90.0);
      OffsetDateTime.parse(deal.get("expires_at").asText());
    }
  }

  @Test
  void salesCoverTwoYearsEndingOnTheLastEventDay() {
    Path sales = out.resolve("sales/sales.csv");
    assertThat(GeneratedFiles.header(sales))
        .as("sales header")
        .isEqualTo("product_id,product_name,product_price,store_id,store_name,quantity,date");
    List<String[]> rows = GeneratedFiles.csvRows(sales);
    Set<String> dates = rows.stream().map(r -> r[6]).collect(Collectors.toSet());
    assertThat(dates).as("days").hasSize(730).contains(options.endDate().toString());
    assertThat(dates.stream().map(LocalDate::parse).min(LocalDate::compareTo))
        .as("first day")
        .hasValue(options.endDate().minusDays(729));
    double expected = 730.0 * Scale.TINY.stores() * Scale.TINY.salesProducts() * 0.4;
    assertThat((double) rows.size()).as("row count").isBetween(expected * 0.9, expected * 1.1);
    Map<String, String> prices =
        GeneratedFiles.csvRows(out.resolve("items.csv")).stream()
            .collect(Collectors.toMap(r -> r[0], r -> r[5]));
    assertThat(rows).as("prices match items.csv").allMatch(r -> prices.get(r[0]).equals(r[2]));
    assertThat(rows).as("positive quantities").allMatch(r -> Integer.parseInt(r[5]) >= 1);
  }

  @Test
  void salesHaveSeasonality() {
    List<String[]> rows = GeneratedFiles.csvRows(out.resolve("sales/sales.csv"));
    double december = meanQuantity(rows, 12);
    double february = meanQuantity(rows, 2);
    double june = meanQuantity(rows, 6);
    assertThat(december).as("December above June").isGreaterThan(june * 1.2);
    assertThat(february).as("February below June").isLessThan(june * 0.9);
  }

  @Test
  void summaryIsOrderedAndConsistent() {
    Map<String, Object> summary = result.toSummary();
    assertThat(summary.keySet())
        .as("summary keys")
        .containsExactly(
            "out", "seed", "scale", "users", "products", "days", "duration_ms", "datasets");
    assertThat(summary.get("scale")).as("scale").isEqualTo("tiny");
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> datasets =
        (Map<String, Map<String, Object>>) summary.get("datasets");
    assertThat(datasets.keySet())
        .as("datasets")
        .containsExactly("pdpviews", "transactions", "deals", "users", "items", "sales");
    assertThat(datasets.get("pdpviews").keySet())
        .as("xz data set keys")
        .containsExactly(
            "path",
            "files",
            "lines",
            "bad_lines",
            "bytes_uncompressed",
            "bytes_written",
            "xz_blocks");
    assertThat(datasets.get("sales")).as("plain data set keys").doesNotContainKey("xz_blocks");
    assertThat(datasets.get("pdpviews").get("bad_lines")).as("no bad lines").isEqualTo(0L);
    assertThat(datasets.get("users").get("lines")).as("user lines").isEqualTo(1000L);
    long written =
        GeneratedFiles.xzFiles(out.resolve("pdpviews")).stream().mapToLong(EventFiles::size).sum();
    assertThat(datasets.get("pdpviews").get("bytes_written")).as("bytes").isEqualTo(written);
  }

  private static double meanQuantity(List<String[]> rows, int month) {
    return rows.stream()
        .filter(r -> LocalDate.parse(r[6]).getMonthValue() == month)
        .mapToInt(r -> Integer.parseInt(r[5]))
        .average()
        .orElseThrow();
  }

  private static String timestampStyle(JsonNode timestamp, String line) {
    if (timestamp.isIntegralNumber()) {
      return "epoch";
    }
    assertThat(timestamp.isTextual()).as("timestamp in %s", line).isTrue();
    OffsetDateTime.parse(timestamp.asText());
    return timestamp.asText().endsWith("Z") ? "utc" : "offset";
  }

  private static boolean hasType(JsonNode value, String sparkType) {
    return switch (sparkType) {
      case "string" -> value.isTextual();
      case "double" -> value.isNumber();
      case "integer" -> value.isInt();
      case "boolean" -> value.isBoolean();
      default -> throw new AssertionError("unexpected type " + sparkType);
    };
  }
}
