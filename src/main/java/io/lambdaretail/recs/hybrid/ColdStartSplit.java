package io.lambdaretail.recs.hybrid;

import static io.lambdaretail.recs.Interactions.ITEM_ID;
import static io.lambdaretail.recs.Interactions.USER_ID;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * The cold-start split: a share of the training items that have features is taken out of training
 * entirely; their interactions (training and test) become the test set, on which a model ranks the
 * held-out items only. ALS cannot rank an item it never saw; the hybrid model ranks them by their
 * features.
 *
 * @param items the held-out item ids
 * @param train training pairs without the held-out items
 * @param test the held-out items' pairs
 */
public record ColdStartSplit(List<String> items, Dataset<Row> train, Dataset<Row> test) {

  /**
   * @param featured ids of items with at least one feature
   * @param share share of the featured training items to hold out (at least one)
   */
  public static ColdStartSplit of(
      Dataset<Row> train, Dataset<Row> test, Set<String> featured, double share, long seed) {
    TreeSet<String> candidates = new TreeSet<>();
    for (String id : train.select(ITEM_ID).distinct().as(Encoders.STRING()).collectAsList()) {
      if (featured.contains(id)) {
        candidates.add(id);
      }
    }
    List<String> shuffled = new ArrayList<>(candidates);
    Collections.shuffle(shuffled, new Random(seed));
    int n = Math.max(1, (int) Math.round(share * shuffled.size()));
    List<String> cold = new ArrayList<>(shuffled.subList(0, Math.min(n, shuffled.size())));
    Collections.sort(cold);
    return split(train, test, cold);
  }

  /** Pure: the split for a given list of held-out items. */
  static ColdStartSplit split(Dataset<Row> train, Dataset<Row> test, List<String> cold) {
    Dataset<Row> items = train.sparkSession().createDataset(cold, Encoders.STRING()).toDF(ITEM_ID);
    Dataset<Row> warmTrain =
        train.join(items, train.col(ITEM_ID).equalTo(items.col(ITEM_ID)), "left_anti");
    Dataset<Row> coldPairs =
        train
            .select(USER_ID, ITEM_ID)
            .union(test.select(USER_ID, ITEM_ID))
            .join(items, ITEM_ID)
            .select(USER_ID, ITEM_ID)
            .distinct();
    return new ColdStartSplit(cold, warmTrain, coldPairs);
  }
}
