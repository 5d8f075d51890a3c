package io.lambdaretail.recs;

import static io.lambdaretail.recs.Interactions.ITEM;
import static io.lambdaretail.recs.Interactions.ITEM_ID;
import static io.lambdaretail.recs.Interactions.USER;
import static io.lambdaretail.recs.Interactions.USER_ID;
import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * String user and item ids to dense ints {@code 0..n-1} (ids sorted, so one training set always
 * gives one index), as MLlib's ALS and the hybrid model's flat parameter arrays need. Saved as two
 * Parquet tables ({@code users}: {@code user_id, user}; {@code items}: {@code item_id, item}) next
 * to a model; scoring maps ints back through them, never through a literal array of labels.
 */
public final class IdIndex {
  private static final String USERS = "users";
  private static final String ITEMS = "items";

  private final Dataset<Row> users;
  private final Dataset<Row> items;

  private IdIndex(Dataset<Row> users, Dataset<Row> items) {
    this.users = users;
    this.items = items;
  }

  /** The index of the users and items of a training set (columns user_id, item_id). */
  public static IdIndex build(Dataset<Row> interactions) {
    return new IdIndex(
        dense(interactions, USER_ID, USER).cache(), dense(interactions, ITEM_ID, ITEM).cache());
  }

  /** The index saved by {@link #save} under {@code dir}. */
  public static IdIndex load(SparkSession spark, String dir) {
    return new IdIndex(
        spark.read().parquet(dir + "/" + USERS).cache(),
        spark.read().parquet(dir + "/" + ITEMS).cache());
  }

  public void save(String dir) {
    users.write().mode("overwrite").parquet(dir + "/" + USERS);
    items.write().mode("overwrite").parquet(dir + "/" + ITEMS);
  }

  /** {@code user_id, user}. */
  public Dataset<Row> users() {
    return users;
  }

  /** {@code item_id, item}. */
  public Dataset<Row> items() {
    return items;
  }

  public long userCount() {
    return users.count();
  }

  public long itemCount() {
    return items.count();
  }

  /** Item ids in index order: element {@code i} is the id of item {@code i}. */
  public String[] itemIds() {
    List<Row> rows = items.orderBy(ITEM).select(ITEM_ID).collectAsList();
    String[] ids = new String[rows.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = rows.get(i).getString(0);
    }
    return ids;
  }

  /**
   * Adds the int columns {@code user} and {@code item}; rows whose user or item the index does not
   * know are left out (inner joins), so count before and after where that matters.
   */
  public Dataset<Row> encode(Dataset<Row> interactions) {
    return interactions.join(users, USER_ID).join(items, ITEM_ID);
  }

  private static Dataset<Row> dense(Dataset<Row> interactions, String idColumn, String intColumn) {
    Dataset<Row> ids = interactions.select(col(idColumn)).distinct().orderBy(idColumn);
    JavaRDD<Row> rows =
        ids.javaRDD()
            .zipWithIndex()
            .map(
                t -> {
                  if (t._2() > Integer.MAX_VALUE) {
                    throw new IllegalStateException(
                        "more than 2^31 distinct " + idColumn + " values: the index is int");
                  }
                  return RowFactory.create(t._1().getString(0), (int) (long) t._2());
                });
    StructType schema =
        new StructType()
            .add(idColumn, DataTypes.StringType, false)
            .add(intColumn, DataTypes.IntegerType, false);
    return interactions.sparkSession().createDataFrame(rows, schema);
  }
}
