package io.lambdaretail.recs.hybrid;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/**
 * One side's feature matrix and feature names: attribute features (sorted names) first, then one
 * identity feature per id that has training interactions (when identity features are on). An id
 * with no interaction gets no identity feature: its embedding would never be trained, and its
 * features alone place it (cold start).
 *
 * @param matrix rows = the side's dense ids, columns = features
 * @param names feature name of each column ({@code country=FR}, {@code __id__=u42})
 * @param identityFeatures how many identity columns
 * @param rowsWithoutFeatures rows with no feature at all (they score 0 on this side)
 */
public record FeatureSide(
    CsrMatrix matrix, String[] names, int identityFeatures, int rowsWithoutFeatures) {
  /** Prefix of identity feature names. */
  public static final String IDENTITY = "__id__=";

  /**
   * @param ids id of each dense row
   * @param warm whether row r has training interactions
   * @param rows {@code id, feature, value} rows of the feature table (ids the index lacks are
   *     ignored: the caller put every featured id in the index)
   * @param rowOf dense row of an id
   */
  public static FeatureSide build(
      String[] ids, boolean[] warm, List<Row> rows, Map<String, Integer> rowOf, boolean identity) {
    TreeMap<String, Integer> vocabulary = new TreeMap<>();
    rows.forEach(r -> vocabulary.put(r.getString(1), 0));
    List<String> names = new ArrayList<>(vocabulary.keySet());
    for (int i = 0; i < names.size(); i++) {
      vocabulary.put(names.get(i), i);
    }
    int n = rows.size();
    int identities = 0;
    if (identity) {
      for (boolean w : warm) {
        identities += w ? 1 : 0;
      }
    }
    int[] r = new int[n + identities];
    int[] c = new int[n + identities];
    float[] v = new float[n + identities];
    int t = 0;
    for (Row row : rows) {
      Integer dense = rowOf.get(row.getString(0));
      if (dense != null) {
        r[t] = dense;
        c[t] = vocabulary.get(row.getString(1));
        v[t++] = row.getFloat(2);
      }
    }
    for (int i = 0; identity && i < ids.length; i++) {
      if (warm[i]) {
        r[t] = i;
        c[t] = names.size();
        v[t++] = 1f;
        names.add(IDENTITY + ids[i]);
      }
    }
    CsrMatrix m =
        CsrMatrix.fromTriplets(
            ids.length,
            names.size(),
            java.util.Arrays.copyOf(r, t),
            java.util.Arrays.copyOf(c, t),
            java.util.Arrays.copyOf(v, t));
    int empty = 0;
    for (int i = 0; i < ids.length; i++) {
      empty += m.rowSize(i) == 0 ? 1 : 0;
    }
    return new FeatureSide(m, names.toArray(new String[0]), identities, empty);
  }

  public int attributeFeatures() {
    return names.length - identityFeatures;
  }
}
