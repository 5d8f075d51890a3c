package io.lambdaretail.recs.hybrid;

import static io.lambdaretail.recs.Interactions.ITEM;
import static io.lambdaretail.recs.Interactions.ITEM_ID;
import static io.lambdaretail.recs.Interactions.USER;
import static io.lambdaretail.recs.Interactions.USER_ID;

import io.lambdaretail.recs.IdIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * Fits a hybrid model to training pairs and feature rows: indexes the training ids and the ids of
 * the feature tables, builds both feature matrices and trains ({@link HybridTrainer}). The feature
 * rows and the ids are gathered on the driver, which holds the feature matrices anyway (they are
 * broadcast to the training tasks).
 */
public final class HybridFit {
  private static final StructType ID_PAIRS =
      new StructType()
          .add(USER_ID, DataTypes.StringType, false)
          .add(ITEM_ID, DataTypes.StringType, false);

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HybridFit.class);

  private HybridFit() {}

  /**
   * A fitted model with its index.
   *
   * @param index users and items: training ids and featured ids
   * @param warmItems item rows with training interactions
   * @param epochMillis wall time of each epoch
   * @param trainPairs distinct (user, item) pairs trained on
   */
  public record Fitted(
      IdIndex index,
      String[] itemIds,
      FeatureSide users,
      FeatureSide items,
      HybridFactors factors,
      int[] warmItems,
      long[] epochMillis,
      long trainPairs) {}

  /** Feature rows ({@code id, feature, value}) of both sides and the identity switches. */
  public record Features(
      List<Row> users, List<Row> items, boolean userIdentity, boolean itemIdentity) {}

  public static Fitted fit(
      SparkSession spark, Dataset<Row> train, Features features, HybridConfig config, int tasks) {
    Dataset<Row> pairs = train.select(USER_ID, ITEM_ID).distinct().cache();
    try {
      TreeSet<String> trainUsers = distinct(pairs, USER_ID);
      TreeSet<String> trainItems = distinct(pairs, ITEM_ID);
      IdIndex index =
          index(spark, ids(trainUsers, features.users()), ids(trainItems, features.items()));
      Ids users = Ids.of(index.users(), USER_ID, USER, trainUsers);
      Ids items = Ids.of(index.items(), ITEM_ID, ITEM, trainItems);
      FeatureSide userSide =
          FeatureSide.build(
              users.ids, users.warm, features.users(), users.rowOf, features.userIdentity());
      FeatureSide itemSide =
          FeatureSide.build(
              items.ids, items.warm, features.items(), items.rowOf, features.itemIdentity());
      // the pairs stay distributed: joined to the index, never gathered on the driver
      JavaPairRDD<Integer, Integer> rdd =
          index
              .encode(pairs)
              .select(USER, ITEM)
              .javaRDD()
              .mapToPair(r -> new Tuple2<>(r.getInt(0), r.getInt(1)));
      JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      LOG.info("hybrid fit: index and feature matrices ready");
      long[] millis = new long[config.epochs()];
      long[] last = {System.currentTimeMillis()};
      HybridFactors factors =
          HybridTrainer.train(
              sc,
              rdd,
              userSide.matrix(),
              itemSide.matrix(),
              config,
              tasks,
              e -> {
                long now = System.currentTimeMillis();
                if (e > 0) {
                  millis[e - 1] = now - last[0];
                }
                last[0] = now;
              });
      return new Fitted(
          index, items.ids, userSide, itemSide, factors, items.warmRows(), millis, pairs.count());
    } finally {
      pairs.unpersist();
    }
  }

  private static TreeSet<String> distinct(Dataset<Row> pairs, String column) {
    TreeSet<String> ids = new TreeSet<>();
    pairs.select(column).distinct().collectAsList().forEach(r -> ids.add(r.getString(0)));
    return ids;
  }

  private static TreeSet<String> ids(TreeSet<String> trained, List<Row> featureRows) {
    TreeSet<String> all = new TreeSet<>(trained);
    featureRows.forEach(r -> all.add(r.getString(0)));
    return all;
  }

  /**
   * The shared {@link IdIndex} builds from a pairs table; featured ids without interactions are
   * paired round-robin with ids of the other side so that both columns list every id.
   */
  private static IdIndex index(SparkSession spark, TreeSet<String> users, TreeSet<String> items) {
    String[] u = users.toArray(new String[0]);
    String[] i = items.toArray(new String[0]);
    List<Row> rows = new ArrayList<>(Math.max(u.length, i.length));
    for (int n = 0; n < Math.max(u.length, i.length); n++) {
      rows.add(RowFactory.create(u[n % u.length], i[n % i.length]));
    }
    return IdIndex.build(spark.createDataFrame(rows, ID_PAIRS));
  }

  /** One side's ids by dense row, the way back, and which rows have training interactions. */
  private record Ids(String[] ids, Map<String, Integer> rowOf, boolean[] warm) {
    static Ids of(Dataset<Row> table, String idColumn, String rowColumn, TreeSet<String> trained) {
      List<Row> rows = table.select(idColumn, rowColumn).collectAsList();
      String[] ids = new String[rows.size()];
      Map<String, Integer> rowOf = new HashMap<>(rows.size() * 2);
      boolean[] warm = new boolean[rows.size()];
      for (Row r : rows) {
        ids[r.getInt(1)] = r.getString(0);
        rowOf.put(r.getString(0), r.getInt(1));
        warm[r.getInt(1)] = trained.contains(r.getString(0));
      }
      return new Ids(ids, rowOf, warm);
    }

    int[] warmRows() {
      return java.util.stream.IntStream.range(0, warm.length).filter(r -> warm[r]).toArray();
    }
  }
}
