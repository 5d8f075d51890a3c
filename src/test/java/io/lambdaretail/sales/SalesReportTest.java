package io.lambdaretail.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.lambdaretail.testing.SharedSpark;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The report's monthly aggregates of holdout predictions on a few hand-made rows. */
@ExtendWith(SharedSpark.class)
class SalesReportTest {
  private static final StructType SCORED =
      new StructType()
          .add("store_id", DataTypes.StringType)
          .add("product_id", DataTypes.StringType)
          .add("period", DataTypes.IntegerType)
          .add("quantity", DataTypes.DoubleType)
          .add("prediction", DataTypes.DoubleType);

  private static Row r(String store, String product, int period, double qty, double pred) {
    return RowFactory.create(store, product, period, qty, pred);
  }

  @Test
  void monthlyTotalsSumOverStoresAndOtherProductsShareOneGroup(SparkSession spark) {
    Dataset<Row> scored =
        spark.createDataFrame(
            List.of(
                r("s1", "a", 100, 10, 8),
                r("s2", "a", 100, 5, 6),
                r("s1", "b", 100, 1, 4),
                r("s1", "c", 100, 2, 2),
                r("s1", "a", 101, 20, 20),
                r("s1", "c", 101, 3, 1)),
            SCORED);

    List<String> top = SalesReport.topProducts(scored, 1);
    SalesReport.Monthly m = SalesReport.Monthly.of(SalesReport.monthly(scored, "prediction", top));

    assertThat(top).as("the product with the largest quantity").containsExactly("a");
    assertThat(SalesReport.topProducts(scored, 2)).as("top 2").containsExactly("a", "c");
    assertThat(m.rows()).as("per month: product a and one group of the others").hasSize(4);
    assertThat(m.totals("a", SalesReport.ACTUAL))
        .as("actual totals of a over both stores")
        .containsEntry(100, 15.0)
        .containsEntry(101, 20.0);
    assertThat(m.totals("a", SalesReport.PREDICTED))
        .as("predicted totals of a")
        .containsEntry(100, 14.0)
        .containsEntry(101, 20.0);
    // month 100: errors 2, -1, -3, 0 over 4 rows; month 101: 0, 2 over 2 rows
    assertThat(m.rmseByMonth().get(100))
        .as("RMSE 100")
        .isCloseTo(Math.sqrt(14 / 4.0), within(1e-9));
    assertThat(m.rmseByMonth().get(101)).as("RMSE 101").isCloseTo(Math.sqrt(4 / 2.0), within(1e-9));
    assertThat(m.firstPeriod()).as("first month").isEqualTo(100);
    assertThat(SalesReport.series("x", 100, m.totals("a", SalesReport.ACTUAL)).x())
        .as("months numbered from 1")
        .containsExactly(1, 2);
  }
}
