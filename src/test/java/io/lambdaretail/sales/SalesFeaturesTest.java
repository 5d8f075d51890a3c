package io.lambdaretail.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.lambdaretail.testing.SharedSpark;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Lags read only earlier months; levels come from the rows they are given; fallbacks fill gaps. */
@ExtendWith(SharedSpark.class)
class SalesFeaturesTest {
  private static final StructType MONTHLY =
      new StructType()
          .add("store_id", DataTypes.StringType)
          .add("product_id", DataTypes.StringType)
          .add("year", DataTypes.IntegerType)
          .add("month", DataTypes.IntegerType)
          .add("quantity", DataTypes.DoubleType);

  private static Row c(String store, String product, int year, int month, double quantity) {
    return RowFactory.create(store, product, year, month, quantity);
  }

  /**
   * 2023-01 .. 2024-06 for one pair with 2023-05 and 2024-02 missing; a second pair interleaved.
   */
  private static List<Row> history() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 18; i++) {
      int year = 2023 + i / 12;
      int month = i % 12 + 1;
      if (i != 4 && i != 13) {
        rows.add(c("s1", "p1", year, month, 100 + i));
      }
      rows.add(c("s2", "p1", year, month, 1000 + i));
    }
    return rows;
  }

  @Test
  void lagsUseOnlyEarlierMonthsOfTheSamePair(SparkSession spark) {
    Dataset<Row> monthly = SalesFeatures.withPeriod(spark.createDataFrame(history(), MONTHLY));
    Map<String, Double> quantity = new HashMap<>();
    for (Row r : monthly.collectAsList()) {
      quantity.put(r.getAs("store_id") + "@" + r.getAs("period"), r.getAs("quantity"));
    }

    List<Row> lagged = SalesFeatures.withLags(monthly).collectAsList();

    assertThat(lagged).as("one row per input row").hasSize(history().size());
    for (Row r : lagged) {
      int period = r.getAs("period");
      for (int k : SalesFeatures.LAGS) {
        Double expected = quantity.get(r.getAs("store_id") + "@" + (period - k));
        assertThat((Double) r.getAs(SalesFeatures.lag(k)))
            .as(
                "lag_%d of %s at period %d is the quantity at period %d",
                k, r.getAs("store_id"), period, period - k)
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void changingAMonthChangesNoLagOfThatMonthOrEarlier(SparkSession spark) {
    // 2023-09 of s1 gets a huge value; period = 2023 * 12 + 9 - 1
    int changedPeriod = 24284;
    List<Row> changed = new ArrayList<>(history());
    changed.replaceAll(
        r ->
            r.getString(0).equals("s1") && r.getInt(2) == 2023 && r.getInt(3) == 9
                ? c("s1", "p1", 2023, 9, 1e6)
                : r);

    Map<String, Row> before = lagsByKey(spark, history());
    Map<String, Row> after = lagsByKey(spark, changed);

    before.forEach(
        (key, row) -> {
          if (row.<Integer>getAs("period") <= changedPeriod) {
            assertThat(after.get(key))
                .as("lags of %s (not after the changed month)", key)
                .isEqualTo(row);
          }
        });
    assertThat((Double) after.get("s1@" + (changedPeriod + 1)).getAs(SalesFeatures.lag(1)))
        .as("the next month's lag_1 does see the change")
        .isEqualTo(1e6);
  }

  private static Map<String, Row> lagsByKey(SparkSession spark, List<Row> rows) {
    Dataset<Row> lagged =
        SalesFeatures.withLags(SalesFeatures.withPeriod(spark.createDataFrame(rows, MONTHLY)))
            .drop("quantity");
    Map<String, Row> out = new HashMap<>();
    for (Row r : lagged.collectAsList()) {
      out.put(r.getAs("store_id") + "@" + r.getAs("period"), r);
    }
    return out;
  }

  @Test
  void levelsAndFallbacksFillUnknownsAndMissingLags(SparkSession spark) {
    Dataset<Row> train =
        SalesFeatures.withPeriod(
            spark.createDataFrame(
                List.of(
                    c("s1", "p1", 2024, 1, 10),
                    c("s1", "p2", 2024, 1, 30),
                    c("s2", "p1", 2024, 1, 20)),
                MONTHLY));
    SalesLevels levels = SalesFeatures.levels(train);
    Dataset<Row> query =
        SalesFeatures.withPeriod(
            spark.createDataFrame(
                List.of(c("s1", "p9", 2024, 2, 0), c("s2", "p1", 2024, 2, 0)), MONTHLY));

    Map<String, Row> out = new HashMap<>();
    for (Row r : SalesFeatures.withLevels(SalesFeatures.withLags(query), levels).collectAsList()) {
      out.put(r.getAs("store_id") + "/" + r.getAs("product_id"), r);
    }

    assertThat(levels.globalMean()).as("global mean").isEqualTo(20.0);
    Row unknown = out.get("s1/p9");
    assertThat((Boolean) unknown.getAs(SalesFeatures.PRODUCT_KNOWN)).as("p9 unknown").isFalse();
    assertThat((Double) unknown.getAs(SalesFeatures.PRODUCT_LEVEL))
        .as("unknown product level = global mean")
        .isEqualTo(20.0);
    assertThat((Double) unknown.getAs(SalesFeatures.lag(1)))
        .as("missing lag = store level 20 x product level 20 / global 20")
        .isCloseTo(20.0, within(1e-9));
    Row known = out.get("s2/p1");
    assertThat((Double) known.getAs(SalesFeatures.lag(12)))
        .as("missing lag of a known pair = its pair level")
        .isCloseTo(20.0, within(1e-9));
    assertThat((Double) known.getAs(SalesFeatures.lagRatio(12)))
        .as("its lag ratio")
        .isCloseTo(1.0, within(1e-9));
    assertThat((Double) unknown.getAs(SalesFeatures.PAIR_LEVEL))
        .as("unknown pair: pair level = store level 20 x product level 20 / global 20")
        .isCloseTo(20.0, within(1e-9));
  }

  @Test
  void aForecastSeesNoLagAfterItsOrigin(SparkSession spark) {
    Dataset<Row> monthly = SalesFeatures.withPeriod(spark.createDataFrame(history(), MONTHLY));
    // the origin: 2024-03 (period 24290); rows after it are forecasts 1, 2, 3 months ahead
    int origin = 2024 * 12 + 3 - 1;

    List<Row> rows =
        SalesFeatures.maskLags(
                SalesFeatures.withHorizonFrom(SalesFeatures.withLags(monthly), origin))
            .filter("store_id = 's2'")
            .collectAsList();

    for (Row r : rows) {
      int period = r.getAs("period");
      int horizon = r.getAs(SalesFeatures.HORIZON);
      assertThat(horizon)
          .as("horizon of period %d", period)
          .isEqualTo(Math.max(1, period - origin));
      for (int k : SalesFeatures.LAGS) {
        Object lag = r.getAs(SalesFeatures.lag(k));
        if (period - k > origin) {
          assertThat(lag).as("lag_%d of period %d reads after the origin", k, period).isNull();
        } else if (period - k >= 2023 * 12) {
          assertThat((Double) lag)
              .as("lag_%d of period %d", k, period)
              .isEqualTo(1000.0 + period - k - 2023 * 12);
        }
      }
      assertThat(r.<Double>getAs(SalesFeatures.SEASONAL_NAIVE))
          .as("seasonal naive of period %d is never masked", period)
          .isEqualTo(period - 12 >= 2023 * 12 ? 1000.0 + period - 12 - 2023 * 12 : null);
    }
  }

  @Test
  void trainingHorizonsAreSpreadAndRepeatable(SparkSession spark) {
    Dataset<Row> monthly = SalesFeatures.withPeriod(spark.createDataFrame(history(), MONTHLY));

    List<Row> first =
        SalesFeatures.withTrainingHorizon(monthly, 3).orderBy("store_id", "period").collectAsList();
    List<Row> again =
        SalesFeatures.withTrainingHorizon(monthly, 3).orderBy("store_id", "period").collectAsList();

    assertThat(first).as("same horizons on a rerun").isEqualTo(again);
    assertThat(first.stream().map(r -> r.<Integer>getAs(SalesFeatures.HORIZON)).distinct())
        .as("horizons used")
        .containsExactlyInAnyOrder(1, 2, 3);
  }

  @Test
  void ratioLabelIsTheQuantityOverThePairLevel(SparkSession spark) {
    Dataset<Row> train =
        SalesFeatures.withPeriod(
            spark.createDataFrame(
                List.of(c("s1", "p1", 2024, 1, 10), c("s1", "p1", 2024, 2, 30)), MONTHLY));
    SalesLevels levels = SalesFeatures.levels(train);

    List<Row> rows =
        SalesFeatures.withRatioLabel(
                SalesFeatures.withLevels(SalesFeatures.withLags(train), levels))
            .orderBy("period")
            .collectAsList();

    assertThat(rows.stream().map(r -> r.<Double>getAs(SalesFeatures.RATIO_LABEL)))
        .as("10 / 20 and 30 / 20")
        .containsExactly(0.5, 1.5);
    assertThat((Double) rows.get(1).getAs(SalesFeatures.lagRatio(1)))
        .as("lag_1 ratio of February: 10 / 20")
        .isCloseTo(0.5, within(1e-9));
  }
}
