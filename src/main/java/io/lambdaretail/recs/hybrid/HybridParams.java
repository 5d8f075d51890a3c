package io.lambdaretail.recs.hybrid;

import java.io.Serializable;
import java.util.SplittableRandom;

/** All trainable parameters: user-feature and item-feature embeddings, biases, accumulators. */
final class HybridParams implements Serializable {
  private static final long serialVersionUID = 1L;

  final int k;
  final SideParams users;
  final SideParams items;

  HybridParams(SideParams users, SideParams items) {
    this.k = users.k;
    this.users = users;
    this.items = items;
  }

  /** Fresh parameters, embeddings drawn from the seed (items first, then users). */
  static HybridParams initial(int userFeatures, int itemFeatures, HybridConfig config) {
    SideParams items = new SideParams(itemFeatures, config.components(), config.schedule());
    SideParams users = new SideParams(userFeatures, config.components(), config.schedule());
    SplittableRandom random = new SplittableRandom(config.seed());
    items.initialise(random);
    users.initialise(random);
    return new HybridParams(users, items);
  }

  HybridParams copy() {
    return new HybridParams(users.copy(), items.copy());
  }

  SideParams side(int side) {
    return side == Sides.USER ? users : items;
  }
}
