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
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sin;

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

  /** Lag distances in months: the previous three months and the same month last year. */
  public static final List<Integer> LAGS = List.of(1, 2, 3, 12);

  /** Inputs of the original four-stage pipeline (after the two indexers). */
  public static final List<String> ORIGINAL =
      List.of(MONTH, YEAR, SalesPipelines.STORE_INDEX, SalesPipelines.PRODUCT_INDEX);

  /** Inputs of our pipeline (after the two indexers): the original ones and more. */
  public static final List<String> OURS =
      List.of(
          MONTH,
          YEAR,
          SalesPipelines.STORE_INDEX,
          SalesPipelines.PRODUCT_INDEX,
          MONTH_SIN,
          MONTH_COS,
          STORE_LEVEL,
          PRODUCT_LEVEL,
          PAIR_LEVEL,
          lag(1),
          lag(2),
          lag(3),
          lag(12));

  private SalesFeatures() {}

  public static String lag(int months) {
    return "lag_" + months;
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
   * when that month has no row. The range frame [-k, -k] over {@link #PERIOD} only ever reads the
   * month m - k, never month m or later, so a lag cannot leak the value it helps to predict. Rows
   * with a null quantity (rows to predict) never feed a lag.
   */
  public static Dataset<Row> withLags(Dataset<Row> df) {
    WindowSpec byPair = Window.partitionBy(STORE_ID, PRODUCT_ID).orderBy(col(PERIOD));
    Dataset<Row> out = df;
    for (int k : LAGS) {
      out = out.withColumn(lag(k), max(col(QUANTITY)).over(byPair.rangeBetween(-k, -k)));
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
   * Joins the levels, flags unknown stores and products, and fills missing lags and pair levels
   * with the fallback store level x product level / global mean (unknown sides count as the global
   * mean).
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
            .withColumn(PAIR_LEVEL, coalesce(col(PAIR_LEVEL), col(FALLBACK)));
    for (int k : LAGS) {
      joined = joined.withColumn(lag(k), coalesce(col(lag(k)), col(FALLBACK)));
    }
    return joined;
  }

  private static Dataset<Row> leftJoin(Dataset<Row> df, Dataset<Row> small, String... keys) {
    // a using-column join: the level tables share lineage with df, so col references would clash
    Seq<String> on = JavaConverters.asScalaBuffer(List.of(keys)).toSeq();
    return df.join(broadcast(small), on, "left");
  }
}
