package io.lambdaretail.recs.hybrid;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The hybrid model's own part of a model directory, under {@code hybrid/}: per side, the feature
 * index with each feature's embedding and bias ({@code user_features}, {@code item_features}:
 * {@code feature_index, feature, embedding, bias}) and the normalised feature matrix of the known
 * ids ({@code user_matrix}, {@code item_matrix}: {@code row, feature_index, weight}, rows being the
 * ints of the model's id index). The rest (metadata.json, id index, popularity, training pairs) is
 * {@link io.lambdaretail.recs.ModelStore}'s.
 */
final class HybridStore {
  static final String DIR = "hybrid";
  private static final String[] SIDES = {"user", "item"};
  private static final StructType FEATURES =
      new StructType()
          .add("feature_index", DataTypes.IntegerType, false)
          .add("feature", DataTypes.StringType, false)
          .add("embedding", DataTypes.createArrayType(DataTypes.FloatType, false), false)
          .add("bias", DataTypes.FloatType, false);
  private static final StructType MATRIX =
      new StructType()
          .add("row", DataTypes.IntegerType, false)
          .add("feature_index", DataTypes.IntegerType, false)
          .add("weight", DataTypes.FloatType, false);

  private HybridStore() {}

  static void save(
      SparkSession spark, String dir, FeatureSide users, FeatureSide items, HybridFactors f) {
    HybridParams p = f.params();
    FeatureSide[] sides = {users, items};
    for (int s = 0; s < 2; s++) {
      SideParams params = p.side(s);
      List<Row> features = new ArrayList<>(sides[s].names().length);
      for (int c = 0; c < sides[s].names().length; c++) {
        Float[] emb = new Float[params.k];
        for (int i = 0; i < params.k; i++) {
          emb[i] = params.emb[c * params.k + i];
        }
        features.add(RowFactory.create(c, sides[s].names()[c], emb, params.bias[c]));
      }
      write(spark.createDataFrame(features, FEATURES), dir, SIDES[s] + "_features");
      write(
          spark.createDataFrame(matrixRows(sides[s].matrix()), MATRIX), dir, SIDES[s] + "_matrix");
    }
  }

  private static List<Row> matrixRows(CsrMatrix m) {
    List<Row> rows = new ArrayList<>(m.nonZeros());
    for (int r = 0; r < m.numRows(); r++) {
      for (int j = m.rowPtr[r]; j < m.rowPtr[r + 1]; j++) {
        rows.add(RowFactory.create(r, m.cols[j], m.vals[j]));
      }
    }
    return rows;
  }

  private static void write(Dataset<Row> table, String dir, String name) {
    table.coalesce(1).write().mode("overwrite").parquet(dir + "/" + DIR + "/" + name);
  }

  /** Factors for scoring (no schedule state) from a saved directory. */
  static HybridFactors load(SparkSession spark, String dir, int k, int users, int items) {
    float[][] emb = new float[2][];
    float[][] bias = new float[2][];
    CsrMatrix[] matrices = new CsrMatrix[2];
    int[] rows = {users, items};
    for (int s = 0; s < 2; s++) {
      List<Row> features =
          spark
              .read()
              .parquet(dir + "/" + DIR + "/" + SIDES[s] + "_features")
              .select("feature_index", "embedding", "bias")
              .collectAsList();
      emb[s] = new float[features.size() * k];
      bias[s] = new float[features.size()];
      for (Row r : features) {
        int c = r.getInt(0);
        List<Float> e = r.getList(1);
        for (int i = 0; i < k; i++) {
          emb[s][c * k + i] = e.get(i);
        }
        bias[s][c] = r.getFloat(2);
      }
      matrices[s] = matrix(spark, dir, SIDES[s], rows[s], features.size());
    }
    return HybridFactors.of(k, emb[0], bias[0], emb[1], bias[1], matrices[0], matrices[1]);
  }

  private static CsrMatrix matrix(SparkSession spark, String dir, String side, int rows, int cols) {
    List<Row> entries =
        spark
            .read()
            .parquet(dir + "/" + DIR + "/" + side + "_matrix")
            .select("row", "feature_index", "weight")
            .collectAsList();
    int[] r = new int[entries.size()];
    int[] c = new int[entries.size()];
    float[] v = new float[entries.size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = entries.get(i).getInt(0);
      c[i] = entries.get(i).getInt(1);
      v[i] = entries.get(i).getFloat(2);
    }
    return CsrMatrix.fromTriplets(rows, cols, r, c, v);
  }
}
