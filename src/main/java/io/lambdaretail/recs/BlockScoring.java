package io.lambdaretail.recs;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/**
 * Runs inside a task: takes user rows block by block (so one BLAS call scores many users), gives
 * each user its scores over all items (the model's when the row has a vector, the popularity scores
 * otherwise) and maps the row through a per-user function. Lazy: a partition of any size holds one
 * block of scores at a time.
 */
final class BlockScoring implements Serializable {
  private static final long serialVersionUID = 1L;
  // scores per block: users x items floats, kept near 16 MB
  private static final int BLOCK_FLOATS = 4 << 20;

  /** One user's output row from its input row and a private, modifiable copy of its scores. */
  interface PerUser extends Serializable {
    Row apply(Row row, float[] scores, boolean known, ItemSpace items);
  }

  private final BlockScorer model;
  private final BlockScorer fallback;
  private final Broadcast<ItemSpace> items;

  BlockScoring(BlockScorer model, BlockScorer fallback, Broadcast<ItemSpace> items) {
    if (model.numItems() != fallback.numItems()) {
      throw new IllegalArgumentException(
          "the model ranks "
              + model.numItems()
              + " items, the popularity fallback "
              + fallback.numItems()
              + ": build the fallback over the model's item ids");
    }
    this.model = model;
    this.fallback = fallback;
    this.items = items;
  }

  Iterator<Row> map(Iterator<Row> rows, int vectorField, PerUser perUser) {
    int n = model.numItems();
    int block = Math.max(1, Math.min(512, BLOCK_FLOATS / Math.max(1, n)));
    float[] popular = new float[n];
    fallback.score(new float[][] {{1f}}, 1, popular);
    return new Iterator<>() {
      private final List<Row> out = new ArrayList<>(block);
      private int next;

      @Override
      public boolean hasNext() {
        if (next < out.size()) {
          return true;
        }
        out.clear();
        next = 0;
        fill(rows, vectorField, block, popular, perUser, out);
        return !out.isEmpty();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return out.get(next++);
      }
    };
  }

  private void fill(
      Iterator<Row> rows,
      int vectorField,
      int block,
      float[] popular,
      PerUser perUser,
      List<Row> out) {
    List<Row> batch = new ArrayList<>(block);
    List<float[]> vectors = new ArrayList<>(block);
    while (rows.hasNext() && batch.size() < block) {
      Row r = rows.next();
      batch.add(r);
      vectors.add(r.isNullAt(vectorField) ? null : toFloats(r.getList(vectorField)));
    }
    float[][] known = vectors.stream().filter(v -> v != null).toArray(float[][]::new);
    int n = model.numItems();
    float[] scores = new float[Math.max(1, known.length) * n];
    if (known.length > 0) {
      model.score(known, known.length, scores);
    }
    ItemSpace space = items.value();
    int k = 0;
    for (int i = 0; i < batch.size(); i++) {
      boolean isKnown = vectors.get(i) != null;
      float[] own = new float[n];
      System.arraycopy(isKnown ? scores : popular, isKnown ? (k++) * n : 0, own, 0, n);
      out.add(perUser.apply(batch.get(i), own, isKnown, space));
    }
  }

  private static float[] toFloats(List<Object> values) {
    float[] v = new float[values.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = ((Number) values.get(i)).floatValue();
    }
    return v;
  }
}
