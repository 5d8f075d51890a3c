package io.lambdaretail.sales;

import static io.lambdaretail.spark.Schemas.MONTH;
import static io.lambdaretail.spark.Schemas.PRODUCT_ID;
import static io.lambdaretail.spark.Schemas.QUANTITY;
import static io.lambdaretail.spark.Schemas.REASON;
import static io.lambdaretail.spark.Schemas.SALES_DATE;
import static io.lambdaretail.spark.Schemas.STORE_ID;
import static io.lambdaretail.spark.Schemas.YEAR;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Cleaning of the sales CSV, as the original job did it (drop the names, turn the date into year
 * and month, sum the quantity per store, product, year and month), plus a reject path: a row with
 * no store or product, an unparseable date, or a non-numeric or negative quantity gets a {@code
 * reason} and goes to the quarantine instead of the sums. Pure transforms, no actions.
 */
public final class SalesCleaning {
  public static final String MISSING_STORE = "missing_store";
  public static final String MISSING_PRODUCT = "missing_product";
  public static final String UNPARSEABLE_DATE = "unparseable_date";
  public static final String NON_NUMERIC_QUANTITY = "non_numeric_quantity";
  public static final String NEGATIVE_QUANTITY = "negative_quantity";

  /** The parsed date of a valid row. */
  public static final String SALE_DATE = "sale_date";

  // Strict shapes first: Spark's date parser throws (instead of returning null) on some strings the
  // legacy parser would have read, such as 2024-1-5; these never reach it.
  private static final String DATE_SHAPE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
  private static final String NUMBER_SHAPE = "^-?[0-9]+(\\.[0-9]+)?$";
  private static final String PARSED_DATE = "_sale_date";
  private static final String PARSED_QUANTITY = "_quantity";

  private SalesCleaning() {}

  /** The input columns plus {@code reason}: null for a good row, else the first rule it breaks. */
  public static Dataset<Row> classify(Dataset<Row> raw) {
    Column date = trim(col(SALES_DATE));
    Column qtyText = trim(col(QUANTITY));
    Dataset<Row> parsed =
        raw.withColumn(PARSED_DATE, when(date.rlike(DATE_SHAPE), to_date(date, "yyyy-MM-dd")))
            .withColumn(PARSED_QUANTITY, when(qtyText.rlike(NUMBER_SHAPE), qtyText.cast("double")));
    Column reason =
        when(blank(STORE_ID), lit(MISSING_STORE))
            .when(blank(PRODUCT_ID), lit(MISSING_PRODUCT))
            .when(col(PARSED_DATE).isNull(), lit(UNPARSEABLE_DATE))
            .when(col(PARSED_QUANTITY).isNull(), lit(NON_NUMERIC_QUANTITY))
            .when(col(PARSED_QUANTITY).lt(0), lit(NEGATIVE_QUANTITY));
    return parsed.withColumn(REASON, reason);
  }

  /** Rejected rows: the raw input columns and the reason. */
  public static Dataset<Row> quarantine(Dataset<Row> classified) {
    return classified.filter(col(REASON).isNotNull()).drop(PARSED_DATE, PARSED_QUANTITY);
  }

  /** Good rows as store, product, the parsed date, year, month and a numeric quantity. */
  public static Dataset<Row> valid(Dataset<Row> classified) {
    return classified
        .filter(col(REASON).isNull())
        .select(
            trim(col(STORE_ID)).as(STORE_ID),
            trim(col(PRODUCT_ID)).as(PRODUCT_ID),
            col(PARSED_DATE).as(SALE_DATE),
            year(col(PARSED_DATE)).as(YEAR),
            month(col(PARSED_DATE)).as(MONTH),
            col(PARSED_QUANTITY).as(QUANTITY));
  }

  /**
   * The first month the data covers from its first day: an upload that starts on the 2nd (or the
   * 31st) has a first month whose sum is not a monthly quantity and would pull levels and lags
   * down.
   */
  public static int firstCompletePeriod(LocalDate firstDay) {
    return period(firstDay) + (firstDay.getDayOfMonth() == 1 ? 0 : 1);
  }

  /** The last month the data covers to its last day (see {@link #firstCompletePeriod}). */
  public static int lastCompletePeriod(LocalDate lastDay) {
    return period(lastDay) - (lastDay.getDayOfMonth() == lastDay.lengthOfMonth() ? 0 : 1);
  }

  static int period(LocalDate day) {
    return day.getYear() * 12 + day.getMonthValue() - 1;
  }

  /** Monthly quantity per store and product, with the month's {@link SalesFeatures#PERIOD}. */
  public static Dataset<Row> monthly(Dataset<Row> valid) {
    return SalesFeatures.withPeriod(
        valid.groupBy(STORE_ID, PRODUCT_ID, YEAR, MONTH).agg(sum(QUANTITY).as(QUANTITY)));
  }

  private static Column blank(String name) {
    return col(name).isNull().or(trim(col(name)).equalTo(""));
  }
}
