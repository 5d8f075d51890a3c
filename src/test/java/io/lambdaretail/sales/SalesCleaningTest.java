package io.lambdaretail.sales;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdaretail.spark.Schemas;
import io.lambdaretail.testing.SharedSpark;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Cleaning rules on in-memory rows: one row per quarantine reason, and the monthly sums. */
@ExtendWith(SharedSpark.class)
class SalesCleaningTest {

  /** A sales CSV row: product, store, quantity, date (names and price are filler). */
  private static Row c(String product, String store, String quantity, String date) {
    return RowFactory.create(product, "name", "1.0", store, "store", quantity, date);
  }

  @Test
  void rejectsEachBadRowWithItsReasonAndSumsTheRest(SparkSession spark) {
    List<Row> rows =
        List.of(
            c("p1", "s1", "2", "2024-03-01"),
            c("p1", "s1", "3", "2024-03-15"),
            c(" p1 ", "s1", "4.5", "2024-04-02"),
            c("p2", "s1", "0", "2024-03-01"),
            c("p1", null, "1", "2024-03-01"),
            c("p1", "  ", "1", "2024-03-01"),
            c(null, "s1", "1", "2024-03-01"),
            c("p1", "s1", "1", "2024-13-01"),
            c("p1", "s1", "1", "2024-1-5"),
            c("p1", "s1", "1", "yesterday"),
            c("p1", "s1", "abc", "2024-03-01"),
            c("p1", "s1", null, "2024-03-01"),
            c("p1", "s1", "-2", "2024-03-01"));
    Dataset<Row> classified =
        SalesCleaning.classify(spark.createDataFrame(rows, Schemas.SALES_CSV)).cache();

    Map<String, Long> reasons = new HashMap<>();
    for (Row r : SalesCleaning.quarantine(classified).groupBy("reason").count().collectAsList()) {
      reasons.put(r.getString(0), r.getLong(1));
    }
    assertThat(reasons)
        .as("quarantined rows per reason")
        .containsOnly(
            Map.entry(SalesCleaning.MISSING_STORE, 2L),
            Map.entry(SalesCleaning.MISSING_PRODUCT, 1L),
            Map.entry(SalesCleaning.UNPARSEABLE_DATE, 3L),
            Map.entry(SalesCleaning.NON_NUMERIC_QUANTITY, 2L),
            Map.entry(SalesCleaning.NEGATIVE_QUANTITY, 1L));
    assertThat(SalesCleaning.quarantine(classified).columns())
        .as("quarantine keeps the raw columns and adds the reason")
        .containsExactly(
            "product_id",
            "product_name",
            "product_price",
            "store_id",
            "store_name",
            "quantity",
            "date",
            "reason");

    Map<String, Double> monthly = new HashMap<>();
    for (Row r : SalesCleaning.monthly(SalesCleaning.valid(classified)).collectAsList()) {
      monthly.put(
          r.getAs("store_id")
              + "/"
              + r.getAs("product_id")
              + "/"
              + r.getAs("year")
              + "-"
              + r.getAs("month")
              + "@"
              + r.getAs(SalesFeatures.PERIOD),
          r.getAs("quantity"));
    }
    assertThat(monthly)
        .as("monthly sums per store, product, year, month (period = year*12 + month - 1)")
        .containsOnly(
            Map.entry("s1/p1/2024-3@24290", 5.0),
            Map.entry("s1/p1/2024-4@24291", 4.5),
            Map.entry("s1/p2/2024-3@24290", 0.0));
    classified.unpersist();
  }

  @Test
  void partialFirstAndLastMonthsAreNotComplete() {
    int jan2022 = 2022 * 12;

    assertThat(SalesCleaning.firstCompletePeriod(LocalDate.of(2022, 1, 1)))
        .as("an upload from Jan 1st: January is complete")
        .isEqualTo(jan2022);
    assertThat(SalesCleaning.firstCompletePeriod(LocalDate.of(2022, 1, 31)))
        .as("an upload from Jan 31st: February is the first complete month")
        .isEqualTo(jan2022 + 1);
    assertThat(SalesCleaning.lastCompletePeriod(LocalDate.of(2024, 2, 29)))
        .as("to Feb 29th of a leap year: February is complete")
        .isEqualTo(2024 * 12 + 1);
    assertThat(SalesCleaning.lastCompletePeriod(LocalDate.of(2024, 1, 30)))
        .as("to Jan 30th: December is the last complete month")
        .isEqualTo(2023 * 12 + 11);
  }
}
