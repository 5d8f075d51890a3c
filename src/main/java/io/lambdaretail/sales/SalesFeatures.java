package io.lambdaretail.sales;

import static io.lambdaretail.spark.Schemas.MONTH;
import static io.lambdaretail.spark.Schemas.PRODUCT_ID;
import static io.lambdaretail.spark.Schemas.QUANTITY;
import static io.lambdaretail.spark.Schemas.STORE_ID;
import static io.lambdaretail.spark.Schemas.YEAR;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.cos;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.sin;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/**
 * Feature building for the sales regression, shared by training and prediction so both see the same
 * columns. Pure transforms; only {@link #levels} runs an action (the global mean).
 *
 * <p>Our model predicts the ratio of the month's quantity to the pair's (store and product) level
 * rather than the quantity itself: the level carries what the original pipeline's trees had to
 * memorise pair by pair from the two indexed ids, and the regressor only learns what moves a pair
 * away from its level (season, trend, recent months), which is shared across pairs.
 */
public final class SalesFeatures {
  /** Months since year 0: {@code year * 12 + month - 1}, so consecutive months differ by 1. */
  public static final String PERIOD = "period";

  public static final String MONTH_SIN = "month_sin";
  public static final String MONTH_COS = "month_cos";
  public static final String STORE_LEVEL = "store_level";
  public static final String PRODUCT_LEVEL = "product_level";
  public static final String PAIR_LEVEL = "pair_level";
  public static final String STORE_KNOWN = "store_known";
  public static final String PRODUCT_KNOWN = "product_known";
  public static final String FALLBACK = "fallback";

  /**
   * Months between the last month whose quantities a forecast may see and the month it predicts: 1
   * for next month. Lags shorter than the horizon are hidden ({@link #maskLags}).
   */
  public static final String HORIZON = "horizon";

  /** Quantity of the same store, product and month a year earlier (before masking). */
  public static final String SEASONAL_NAIVE = "seasonal_naive";

  /** What our regressor fits: quantity / pair level. */
  public static final String RATIO_LABEL = "ratio_label";

  /** Lag distances in months: the previous three months and the same month last year. */
  public static final List<Integer> LAGS = List.of(1, 2, 3, 12);

  /** Inputs of the original four-stage pipeline (after the two indexers). */
  public static final List<String> ORIGINAL =
      List.of(MONTH, YEAR, SalesPipelines.STORE_INDEX, SalesPipelines.PRODUCT_INDEX);

  /**
   * Inputs of our pipeline (after the store indexer). The product index is left out: as a
   * categorical split over hundreds of products it lets the trees fit each product's noise, while
   * the product and pair levels carry the product for every product at once (the validation run in
   * BENCHMARKS.md measured it).
   */
  public static final List<String> OURS = ours();

  private SalesFeatures() {}

  private static List<String> ours() {
    List<String> f = new ArrayList<>(List.of(MONTH, YEAR, SalesPipelines.STORE_INDEX));
    f.addAll(List.of(MONTH_SIN, MONTH_COS, STORE_LEVEL, PRODUCT_LEVEL, PAIR_LEVEL, HORIZON));
    LAGS.forEach(k -> f.add(lagRatio(k)));
    return List.copyOf(f);
  }

  public static String lag(int months) {
    return "lag_" + months;
  }

  /** A lag relative to the pair level; 1.0 where the lag is missing or hidden. */
  public static String lagRatio(int months) {
    return "lag_" + months + "_ratio";
  }

  /** Adds {@link #PERIOD} from integer {@code year} and {@code month}. */
  public static Dataset<Row> withPeriod(Dataset<Row> df) {
    return df.withColumn(PERIOD, col(YEAR).multiply(12).plus(col(MONTH)).minus(1));
  }

  /** Month of year on the unit circle, so December and January are neighbours. */
  public static Dataset<Row> withCalendar(Dataset<Row> df) {
    Column angle = col(MONTH).minus(1).multiply(2 * Math.PI / 12);
    return df.withColumn(MONTH_SIN, sin(angle)).withColumn(MONTH_COS, cos(angle));
  }

  /**
   * Adds {@code lag_k}: the quantity of the same store and product exactly k months earlier, null
   * when that month has no row, and {@link #SEASONAL_NAIVE} (= {@code lag_12}). The range frame
   * [-k, -k] over {@link #PERIOD} only ever reads the month m - k, never month m or later, so a lag
   * cannot leak the value it helps to predict. Rows with a null quantity (rows to predict) never
   * feed a lag.
   */
  public static Dataset<Row> withLags(Dataset<Row> df) {
    WindowSpec byPair = Window.partitionBy(STORE_ID, PRODUCT_ID).orderBy(col(PERIOD));
    Dataset<Row> out = df;
    for (int k : LAGS) {
      out = out.withColumn(lag(k), max(col(QUANTITY)).over(byPair.rangeBetween(-k, -k)));
    }
    return out.withColumn(SEASONAL_NAIVE, col(lag(12)));
  }

  /**
   * Horizon of a forecast made after month {@code lastSeen}: the holdout seen from the cutoff, or
   * new months seen from the end of the model's history. Months inside the history count as 1.
   */
  public static Dataset<Row> withHorizonFrom(Dataset<Row> df, int lastSeen) {
    return df.withColumn(HORIZON, greatest(lit(1), col(PERIOD).minus(lastSeen)));
  }

  /**
   * Training rows get horizons 1..maxHorizon spread by a hash of store, product and month
   * (deterministic), so the model learns to forecast with the recent lags hidden as often as a
   * forecast of the next maxHorizon months has them hidden.
   */
  public static Dataset<Row> withTrainingHorizon(Dataset<Row> df, int maxHorizon) {
    Column hash = xxhash64(col(STORE_ID), col(PRODUCT_ID), col(PERIOD));
    return df.withColumn(HORIZON, pmod(hash, lit((long) maxHorizon)).plus(1).cast("int"));
  }

  /** Hides {@code lag_k} for k below the horizon: months the forecast origin cannot know. */
  public static Dataset<Row> maskLags(Dataset<Row> df) {
    Dataset<Row> out = df;
    for (int k : LAGS) {
      out = out.withColumn(lag(k), when(col(HORIZON).leq(k), col(lag(k))));
    }
    return out;
  }

  /** Levels of the given (training) monthly rows. Runs one job for the global mean. */
  public static SalesLevels levels(Dataset<Row> trainingMonthly) {
    Dataset<Row> stores = trainingMonthly.groupBy(STORE_ID).agg(avg(QUANTITY).as(STORE_LEVEL));
    Dataset<Row> products =
        trainingMonthly.groupBy(PRODUCT_ID).agg(avg(QUANTITY).as(PRODUCT_LEVEL));
    Dataset<Row> pairs =
        trainingMonthly.groupBy(STORE_ID, PRODUCT_ID).agg(avg(QUANTITY).as(PAIR_LEVEL));
    Row mean = trainingMonthly.agg(avg(QUANTITY)).first();
    return new SalesLevels(stores, products, pairs, mean.isNullAt(0) ? 0.0 : mean.getDouble(0));
  }

  /**
   * Joins the levels and flags unknown stores and products. A pair never seen in training gets the
   * fallback level store level x product level / global mean (an unknown side counts as the global
   * mean); a missing lag counts as the pair level; the lag ratios and the seasonal-naive forecast
   * are filled from there.
   */
  public static Dataset<Row> withLevels(Dataset<Row> df, SalesLevels levels) {
    Column global = lit(levels.globalMean());
    Dataset<Row> joined =
        leftJoin(
                leftJoin(leftJoin(df, levels.stores(), STORE_ID), levels.products(), PRODUCT_ID),
                levels.pairs(),
                STORE_ID,
                PRODUCT_ID)
            .withColumn(STORE_KNOWN, col(STORE_LEVEL).isNotNull())
            .withColumn(PRODUCT_KNOWN, col(PRODUCT_LEVEL).isNotNull())
            .withColumn(STORE_LEVEL, coalesce(col(STORE_LEVEL), global))
            .withColumn(PRODUCT_LEVEL, coalesce(col(PRODUCT_LEVEL), global));
    // a zero global mean only happens without training rows; avoid dividing by it
    Column fallback =
        levels.globalMean() > 0
            ? col(STORE_LEVEL).multiply(col(PRODUCT_LEVEL)).divide(global)
            : lit(0.0);
    joined =
        joined
            .withColumn(FALLBACK, fallback)
            .withColumn(PAIR_LEVEL, coalesce(col(PAIR_LEVEL), col(FALLBACK)))
            .withColumn(SEASONAL_NAIVE, coalesce(col(SEASONAL_NAIVE), col(PAIR_LEVEL)));
    for (int k : LAGS) {
      joined =
          joined
              .withColumn(lag(k), coalesce(col(lag(k)), col(PAIR_LEVEL)))
              .withColumn(lagRatio(k), ratio(col(lag(k))));
    }
    return joined;
  }

  /** Adds {@link #RATIO_LABEL}, the quantity relative to the pair level (after withLevels). */
  public static Dataset<Row> withRatioLabel(Dataset<Row> df) {
    return df.withColumn(RATIO_LABEL, ratio(col(QUANTITY)));
  }

  /** value / pair level; 1.0 for a pair whose level is 0 (its prediction is 0 either way). */
  private static Column ratio(Column value) {
    return when(col(PAIR_LEVEL).gt(0), value.divide(col(PAIR_LEVEL))).otherwise(lit(1.0));
  }

  private static Dataset<Row> leftJoin(Dataset<Row> df, Dataset<Row> small, String... keys) {
    // a using-column join: the level tables share lineage with df, so col references would clash
    Seq<String> on = JavaConverters.asScalaBuffer(List.of(keys)).toSeq();
    return df.join(broadcast(small), on, "left");
  }
}
