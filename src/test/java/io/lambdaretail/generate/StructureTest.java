package io.lambdaretail.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data must carry structure a recommender and the hybrid model can learn. */
class StructureTest {
  @TempDir static Path out;
  static List<JsonNode> views;
  static List<JsonNode> orders;
  static Map<String, String> ageBand;
  static Map<String, String[]> items;

  @BeforeAll
  static void generate() {
    new GenerateJob(GeneratedFiles.options(out, 3000, 300, 7, 3)).run();
    views = parsed("pdpviews");
    orders = parsed("transactions");
    ageBand = new HashMap<>();
    GeneratedFiles.csvRows(out.resolve("users.csv")).forEach(r -> ageBand.put(r[0], r[2]));
    items = new HashMap<>();
    GeneratedFiles.csvRows(out.resolve("items.csv")).forEach(r -> items.put(r[0], r));
  }

  @Test
  void ageBandPredictsCategoryShares() {
    Map<String, Double> young = shares("18-24", 1);
    Map<String, Double> old = shares("65+", 1);
    double distance = 0;
    for (String category : union(young, old)) {
      distance += Math.abs(young.getOrDefault(category, 0.0) - old.getOrDefault(category, 0.0));
    }
    assertThat(distance / 2).as("total variation distance").isGreaterThan(0.25);
    assertThat(young.get("Gaming")).as("gaming, young vs old").isGreaterThan(3 * old.get("Gaming"));
    assertThat(chiSquare("25-34", "45-54", 1))
        .as("chi-square of adjacent age bands (df 11, p=0.001 at 31.3)")
        .isGreaterThan(31.3);
  }

  @Test
  void ageBandPredictsPriceBand() {
    assertThat(shares("18-24", 4).get("budget"))
        .as("budget share, young vs middle-aged")
        .isGreaterThan(1.3 * shares("45-54", 4).get("budget"));
  }

  @Test
  void popularityIsLongTailed() {
    Map<String, Long> counts =
        views.stream()
            .collect(
                Collectors.groupingBy(v -> v.get("product_id").asText(), Collectors.counting()));
    List<Long> sorted = counts.values().stream().sorted((a, b) -> Long.compare(b, a)).toList();
    long top = sorted.stream().limit(items.size() / 10).mapToLong(Long::longValue).sum();
    assertThat((double) top / views.size()).as("views of the top 10% products").isGreaterThan(0.4);
    assertThat(counts).as("most products seen at least once").hasSizeGreaterThan(200);
  }

  @Test
  void ordersComeFromViewsAtAFewPercent() {
    double conversion = (double) orders.size() / views.size();
    assertThat(conversion).as("orders per view").isBetween(0.01, 0.06);
    Set<String> viewedByUserDay = new HashSet<>();
    for (JsonNode view : views) {
      if (!view.get("user_id").isNull()) {
        viewedByUserDay.add(key(view.get("user_id").asText(), view.get("product_id").asText()));
      }
    }
    for (JsonNode order : orders) {
      for (JsonNode item : order.get("items")) {
        assertThat(viewedByUserDay)
            .as("bought product was viewed by the buyer")
            .contains(key(order.get("user_id").asText(), item.get("product_id").asText()));
      }
    }
  }

  @Test
  void aboutOneSessionInFiveIsAnonymous() {
    Map<Boolean, Set<String>> sessions = new HashMap<>();
    for (JsonNode view : views) {
      if (view.has("session_id")) {
        sessions
            .computeIfAbsent(view.get("user_id").isNull(), k -> new HashSet<>())
            .add(view.get("session_id").asText());
      }
    }
    double anonymous = sessions.get(true).size();
    double share = anonymous / (anonymous + sessions.get(false).size());
    assertThat(share).as("anonymous session share").isBetween(0.15, 0.25);
  }

  private static String key(String user, String product) {
    return user + "/" + product;
  }

  /** Share of views of an age band by an items.csv column (1 category, 4 price band). */
  private static Map<String, Double> shares(String band, int column) {
    Map<String, Long> counts = counts(band, column);
    double total = counts.values().stream().mapToLong(Long::longValue).sum();
    Map<String, Double> shares = new HashMap<>();
    counts.forEach((k, v) -> shares.put(k, v / total));
    return shares;
  }

  private static Map<String, Long> counts(String band, int column) {
    return views.stream()
        .filter(v -> !v.get("user_id").isNull())
        .filter(v -> band.equals(ageBand.get(v.get("user_id").asText())))
        .collect(
            Collectors.groupingBy(
                v -> items.get(v.get("product_id").asText())[column], Collectors.counting()));
  }

  private static double chiSquare(String bandA, String bandB, int column) {
    Map<String, Long> a = counts(bandA, column);
    Map<String, Long> b = counts(bandB, column);
    double totalA = a.values().stream().mapToLong(Long::longValue).sum();
    double totalB = b.values().stream().mapToLong(Long::longValue).sum();
    double chi = 0;
    for (String k : union(a, b)) {
      double rowTotal = a.getOrDefault(k, 0L) + b.getOrDefault(k, 0L);
      double expectedA = rowTotal * totalA / (totalA + totalB);
      double expectedB = rowTotal * totalB / (totalA + totalB);
      chi += Math.pow(a.getOrDefault(k, 0L) - expectedA, 2) / expectedA;
      chi += Math.pow(b.getOrDefault(k, 0L) - expectedB, 2) / expectedB;
    }
    return chi;
  }

  private static Set<String> union(Map<String, ?> a, Map<String, ?> b) {
    Set<String> keys = new HashSet<>(a.keySet());
    keys.addAll(b.keySet());
    return keys;
  }

  private static List<JsonNode> parsed(String dataset) {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : GeneratedFiles.xzLines(out.resolve(dataset))) {
      nodes.add(GeneratedFiles.parse(line).orElseThrow());
    }
    return nodes;
  }
}
