package io.lambdaretail.bench;

import io.lambdaretail.recs.hybrid.CsrMatrix;
import io.lambdaretail.recs.hybrid.HybridConfig;
import io.lambdaretail.recs.hybrid.HybridTrainer;
import io.lambdaretail.recs.hybrid.Loss;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * Training speed of the hybrid model (scripts/bench-hybrid.sh): generated data where a user's
 * country fixes a favourite category (users x per-user interactions, drawn in Spark tasks from a
 * seed), identity plus attribute features on both sides, default hyper-parameters; prints one JSON
 * line with the seconds of each epoch and interactions per second.
 *
 * <p>Arguments: {@code LOSS USERS ITEMS PER_USER EPOCHS}; the master comes from spark.master.
 */
public final class HybridBench {
  private static final int CATEGORIES = 20;
  private static final int BRANDS = 200;

  private HybridBench() {}

  public static void main(String[] args) {
    Loss loss = Loss.parse(args[0]);
    int users = Integer.parseInt(args[1]);
    int items = Integer.parseInt(args[2]);
    int perUser = Integer.parseInt(args[3]);
    int epochs = Integer.parseInt(args[4]);
    SparkSession spark = SparkSession.builder().appName("bench-hybrid").getOrCreate();
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int tasks = sc.defaultParallelism();
    JavaPairRDD<Integer, Integer> pairs =
        sc.parallelize(IntStream.range(0, users).boxed().toList(), tasks)
            .flatMapToPair(u -> draws(u, items, perUser).iterator());
    long interactions = pairs.distinct().count();
    CsrMatrix userFeatures = features(users, CATEGORIES, 1);
    CsrMatrix itemFeatures = features(items, CATEGORIES, BRANDS);
    HybridConfig config = HybridConfig.defaults(loss).withEpochs(epochs);
    List<Long> times = new ArrayList<>();
    long[] last = {0};
    HybridTrainer.train(
        sc,
        pairs,
        userFeatures,
        itemFeatures,
        config,
        tasks,
        e -> {
          long now = System.nanoTime();
          if (e > 0) {
            times.add(now - last[0]);
          }
          last[0] = now;
        });
    double mean = times.stream().mapToLong(Long::longValue).average().orElse(0) / 1e9;
    System.out.println(
        String.format(
            Locale.ROOT,
            "{\"loss\": \"%s\", \"master\": \"%s\", \"tasks\": %d, \"interactions\": %d,"
                + " \"components\": %d, \"epochs\": %d, \"epoch_seconds\": %s,"
                + " \"seconds_per_epoch\": %.3f, \"interactions_per_second\": %.0f}",
            loss.cliName(),
            sc.master(),
            tasks,
            interactions,
            config.components(),
            epochs,
            times.stream().map(t -> String.format(Locale.ROOT, "%.3f", t / 1e9)).toList(),
            mean,
            interactions / mean));
    spark.stop();
  }

  /** A user's items: 85% from the favourite category (user % categories), the rest anywhere. */
  private static List<Tuple2<Integer, Integer>> draws(int user, int items, int n) {
    SplittableRandom random = new SplittableRandom(user * 0x9E3779B97F4A7C15L);
    List<Tuple2<Integer, Integer>> out = new ArrayList<>(n);
    int favourite = user % CATEGORIES;
    for (int i = 0; i < n; i++) {
      int item = random.nextInt(items);
      if (random.nextDouble() < 0.85) {
        item = item - item % CATEGORIES + favourite;
        item = item >= items ? favourite : item;
      }
      out.add(new Tuple2<>(user, item));
    }
    return out;
  }

  /** Identity plus the row's category (row % categories) and, with groups > 1, its group. */
  private static CsrMatrix features(int rows, int categories, int groups) {
    int perRow = groups > 1 ? 3 : 2;
    int[] r = new int[rows * perRow];
    int[] c = new int[rows * perRow];
    float[] v = new float[rows * perRow];
    for (int i = 0; i < rows; i++) {
      int at = i * perRow;
      r[at] = i;
      c[at] = i;
      r[at + 1] = i;
      c[at + 1] = rows + i % categories;
      if (groups > 1) {
        r[at + 2] = i;
        c[at + 2] = rows + categories + (i / categories) % groups;
      }
    }
    java.util.Arrays.fill(v, 1f);
    return CsrMatrix.fromTriplets(rows, rows + categories + groups, r, c, v);
  }
}
