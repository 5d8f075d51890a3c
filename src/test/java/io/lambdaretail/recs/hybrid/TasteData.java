package io.lambdaretail.recs.hybrid;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Small in-memory data whose item categories predict taste: a user's country fixes a favourite
 * category, and 85% of the user's interactions fall in it. The last {@code coldItems} items get no
 * training interaction (their held-out interactions are in {@link #coldPairs}).
 */
final class TasteData {
  final int users;
  final int items;
  final int categories;
  final int coldFrom;
  final CsrMatrix userFeatures;
  final CsrMatrix itemFeatures;
  final List<int[]> trainPairs = new ArrayList<>();
  final List<int[]> coldPairs = new ArrayList<>();

  TasteData(int users, int items, int categories, int coldItems, int perUser, long seed) {
    this.users = users;
    this.items = items;
    this.categories = categories;
    this.coldFrom = items - coldItems;
    // features: identity per user/item for warm rows, then one per country / category
    userFeatures = features(users, users, categories, users);
    itemFeatures = features(items, items, categories, coldFrom);
    SplittableRandom random = new SplittableRandom(seed);
    for (int u = 0; u < users; u++) {
      for (int n = 0; n < perUser; n++) {
        int item = draw(random, u % categories);
        (item >= coldFrom ? coldPairs : trainPairs).add(new int[] {u, item});
      }
    }
  }

  int category(int item) {
    return item % categories;
  }

  private int draw(SplittableRandom random, int favourite) {
    while (true) {
      int item = random.nextInt(items);
      if (category(item) == favourite || random.nextDouble() < 0.15 / categories) {
        return item;
      }
    }
  }

  /** Row r: identity column r (when r < withIdentity) and attribute column ids + r % categories. */
  private static CsrMatrix features(int rows, int ids, int categories, int withIdentity) {
    List<int[]> entries = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      if (r < withIdentity) {
        entries.add(new int[] {r, r});
      }
      entries.add(new int[] {r, ids + r % categories});
    }
    int[] rs = entries.stream().mapToInt(e -> e[0]).toArray();
    int[] cs = entries.stream().mapToInt(e -> e[1]).toArray();
    float[] vs = new float[rs.length];
    java.util.Arrays.fill(vs, 1f);
    return CsrMatrix.fromTriplets(rows, ids + categories, rs, cs, vs);
  }

  /**
   * Mean per-user AUC of the factors on the held-out cold items: the user's cold positives against
   * the cold items the user did not interact with.
   */
  double coldAuc(HybridFactors factors) {
    boolean[][] positive = new boolean[users][items];
    coldPairs.forEach(p -> positive[p[0]][p[1]] = true);
    double sum = 0;
    int counted = 0;
    for (int u = 0; u < users; u++) {
      float[] uv = factors.userVector(u);
      long wins = 0;
      long pairs = 0;
      for (int p = coldFrom; p < items; p++) {
        if (!positive[u][p]) {
          continue;
        }
        float sp = HybridFactors.score(uv, factors.itemVector(p));
        for (int n = coldFrom; n < items; n++) {
          if (!positive[u][n]) {
            float sn = HybridFactors.score(uv, factors.itemVector(n));
            wins += sp > sn ? 2 : sp == sn ? 1 : 0;
            pairs += 2;
          }
        }
      }
      if (pairs > 0) {
        sum += wins / (double) pairs;
        counted++;
      }
    }
    return sum / counted;
  }
}
