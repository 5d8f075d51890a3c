package io.lambdaretail.recs;

import io.lambdaretail.config.Errors;

/**
 * Where a recommender's interactions come from: the ingested tables, or a plain interactions table
 * (public benchmark data), optionally with its own test table.
 *
 * @param pdpviews ingested page views, Parquet or Delta ({@code --pdpviews})
 * @param transactions ingested orders, Parquet or Delta ({@code --transactions})
 * @param interactions {@code user_id,item_id,weight[,timestamp]}, CSV or Parquet ({@code
 *     --interactions}); excludes the two above
 * @param testInteractions the fixed test set, same columns ({@code --test-interactions})
 * @param userKey the user column of the events ({@code --user-key}, default user_id)
 */
public record TrainingInput(
    String pdpviews,
    String transactions,
    String interactions,
    String testInteractions,
    UserKey userKey) {

  public TrainingInput {
    pdpviews = blankToNull(pdpviews);
    transactions = blankToNull(transactions);
    interactions = blankToNull(interactions);
    testInteractions = blankToNull(testInteractions);
    userKey = userKey == null ? UserKey.USER_ID : userKey;
    boolean lake = pdpviews != null || transactions != null;
    if (lake && interactions != null) {
      throw Errors.invalid(
          "--interactions",
          interactions,
          "pass either --interactions or --pdpviews/--transactions, not both.");
    }
    if (!lake && interactions == null) {
      throw Errors.invalid(
          "--pdpviews/--transactions/--interactions",
          "none",
          "pass the ingested tables (--pdpviews data/lake/pdpviews --transactions"
              + " data/lake/transactions) or --interactions PATH.");
    }
  }

  public boolean fromTable() {
    return interactions != null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
