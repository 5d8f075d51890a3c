package io.lambdaretail.recs;

import io.lambdaretail.config.Errors;
import java.io.Serializable;

/**
 * How events become one implicit weight per (user, item). The default is the original job's score:
 * number of views + 10 x (bought at least once).
 *
 * @param viewWeight weight of one page view ({@code --view-weight}, default 1)
 * @param purchaseWeight weight of having bought the item at least once ({@code --purchase-weight},
 *     default 10)
 * @param halfLifeDays events lose half their weight every N days before the end of the training
 *     period ({@code --half-life-days}, 0 = no decay)
 * @param minUserInteractions users with fewer distinct training items are left out ({@code
 *     --min-user-interactions}, default 1)
 * @param minItemInteractions items with fewer distinct training users are left out ({@code
 *     --min-item-interactions}, default 1)
 */
public record FeedbackWeights(
    double viewWeight,
    double purchaseWeight,
    double halfLifeDays,
    int minUserInteractions,
    int minItemInteractions)
    implements Serializable {

  /** The original scoring, no decay, no minimum. */
  public static final FeedbackWeights ORIGINAL = new FeedbackWeights(1, 10, 0, 1, 1);

  public FeedbackWeights {
    if (viewWeight < 0 || Double.isNaN(viewWeight)) {
      throw Errors.invalid("--view-weight", viewWeight, "pass a weight >= 0, e.g. 1.");
    }
    if (purchaseWeight < 0 || Double.isNaN(purchaseWeight)) {
      throw Errors.invalid("--purchase-weight", purchaseWeight, "pass a weight >= 0, e.g. 10.");
    }
    if (viewWeight == 0 && purchaseWeight == 0) {
      throw Errors.invalid(
          "--view-weight/--purchase-weight", 0, "at least one of them must be above 0.");
    }
    if (halfLifeDays < 0 || Double.isNaN(halfLifeDays)) {
      throw Errors.invalid(
          "--half-life-days", halfLifeDays, "pass a number of days > 0, or 0 for no decay.");
    }
    if (minUserInteractions < 1) {
      throw Errors.mustBePositive("--min-user-interactions", minUserInteractions);
    }
    if (minItemInteractions < 1) {
      throw Errors.mustBePositive("--min-item-interactions", minItemInteractions);
    }
  }

  public boolean decays() {
    return halfLifeDays > 0;
  }
}
