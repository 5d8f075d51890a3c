package io.lambdaretail.recs.hybrid;

import static io.lambdaretail.recs.Interactions.USER;
import static io.lambdaretail.recs.Interactions.USER_ID;

import io.lambdaretail.recs.BlockScorer;
import io.lambdaretail.recs.DotProductScorer;
import io.lambdaretail.recs.Scorer;
import java.util.Iterator;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Scores with a hybrid model: a user's vector is its features' weighted embeddings (computed in
 * Spark tasks from the broadcast factors, so users with features but no interactions are scored
 * too); items are the rows of the item matrix (optionally a subset, e.g. the cold items), scored as
 * {@code item . user + item bias} by {@link DotProductScorer}. The user bias is left out: it is the
 * same for all of a user's items and changes no ranking.
 */
public final class HybridScorer implements Scorer {
  private static final StructType VECTORS =
      new StructType()
          .add(USER_ID, DataTypes.StringType, false)
          .add(VECTOR, DataTypes.createArrayType(DataTypes.FloatType, false), false);

  private final String[] itemIds;
  private final Dataset<Row> userIndex;
  private final Broadcast<HybridFactors> factors;
  private final DotProductScorer block;

  private HybridScorer(
      String[] itemIds,
      Dataset<Row> userIndex,
      Broadcast<HybridFactors> factors,
      DotProductScorer block) {
    this.itemIds = itemIds;
    this.userIndex = userIndex;
    this.factors = factors;
    this.block = block;
  }

  /**
   * @param userIndex {@code user_id, user} (the dense rows of the factors' user matrix)
   * @param itemIds id of every item row of the factors
   * @param itemRows the item rows to rank, or null for all
   */
  public static HybridScorer create(
      SparkSession spark,
      HybridFactors factors,
      Dataset<Row> userIndex,
      String[] itemIds,
      int[] itemRows) {
    int k = factors.components();
    int[] rows =
        itemRows != null ? itemRows : java.util.stream.IntStream.range(0, itemIds.length).toArray();
    float[] vectors = new float[rows.length * k];
    float[] bias = new float[rows.length];
    String[] ids = new String[rows.length];
    for (int j = 0; j < rows.length; j++) {
      float[] v = factors.itemVector(rows[j]);
      System.arraycopy(v, 0, vectors, j * k, k);
      bias[j] = v[k];
      ids[j] = itemIds[rows[j]];
    }
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    return new HybridScorer(
        ids, userIndex, sc.broadcast(factors), DotProductScorer.create(spark, vectors, bias, k));
  }

  @Override
  public String name() {
    return "hybrid";
  }

  @Override
  public String[] itemIds() {
    return itemIds.clone();
  }

  @Override
  public Dataset<Row> userVectors(Dataset<Row> users) {
    Broadcast<HybridFactors> f = factors;
    MapPartitionsFunction<Row, Row> vectors = it -> vectors(it, f.value());
    return users
        .select(USER_ID)
        .join(userIndex, USER_ID)
        .select(USER_ID, USER)
        .mapPartitions(vectors, Encoders.row(VECTORS));
  }

  private static Iterator<Row> vectors(Iterator<Row> rows, HybridFactors f) {
    int k = f.components();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Row next() {
        Row r = rows.next();
        float[] v = f.userVector(r.getInt(1));
        Float[] boxed = new Float[k];
        for (int c = 0; c < k; c++) {
          boxed[c] = v[c];
        }
        return RowFactory.create(r.getString(0), boxed);
      }
    };
  }

  @Override
  public BlockScorer blockScorer() {
    return block;
  }
}
