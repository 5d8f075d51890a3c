package io.lambdaretail.sales;

import static io.lambdaretail.spark.Schemas.MONTH;
import static io.lambdaretail.spark.Schemas.PRODUCT_ID;
import static io.lambdaretail.spark.Schemas.QUANTITY;
import static io.lambdaretail.spark.Schemas.SALES_DATE;
import static io.lambdaretail.spark.Schemas.STORE_ID;
import static io.lambdaretail.spark.Schemas.YEAR;

import io.lambdaretail.config.Errors;
import io.lambdaretail.io.CsvHeader;
import io.lambdaretail.spark.Schemas;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads sales CSVs with a header and an explicit all-text schema. The header line is read first
 * through the Hadoop file system (one small read, no Spark job), so a missing column is reported
 * before any training work, and the read schema follows the file's column order: Spark maps a user
 * schema to CSV columns by position.
 */
public final class SalesCsv {
  /** Columns the training CSV must have; the names and the price are dropped by cleaning. */
  public static final List<String> TRAINING_COLUMNS =
      List.of(PRODUCT_ID, STORE_ID, QUANTITY, SALES_DATE);

  private SalesCsv() {}

  /** Fails with exit 2 when the training CSV's header lacks one of {@link #TRAINING_COLUMNS}. */
  public static List<String> requireTrainingColumns(Configuration conf, String input) {
    List<String> header = header(conf, "INPUT", input);
    List<String> missing = TRAINING_COLUMNS.stream().filter(c -> !header.contains(c)).toList();
    if (!missing.isEmpty()) {
      throw Errors.missingColumns(
          input, missing, header, "The sales CSV needs a header line with " + TRAINING_COLUMNS);
    }
    return header;
  }

  /** Fails with exit 2 unless the header has store, product and a date or year and month. */
  public static List<String> requirePredictionColumns(Configuration conf, String input) {
    List<String> header = header(conf, "--input", input);
    List<String> missing = new ArrayList<>();
    for (String c : List.of(STORE_ID, PRODUCT_ID)) {
      if (!header.contains(c)) {
        missing.add(c);
      }
    }
    if (!header.contains(SALES_DATE) && !(header.contains(YEAR) && header.contains(MONTH))) {
      missing.add(SALES_DATE + " (or " + YEAR + " and " + MONTH + ")");
    }
    if (!missing.isEmpty()) {
      throw Errors.missingColumns(
          input,
          missing,
          header,
          "Give store_id, product_id and either date (yyyy-MM-dd) or year and month.");
    }
    return header;
  }

  /** The header's column names of the input's first data file (exit 2 when there is none). */
  public static List<String> header(Configuration conf, String option, String input) {
    return CsvHeader.read(conf, option, input);
  }

  /** Reads all columns as text, typed from {@link Schemas#SALES_CSV} where the name is known. */
  public static Dataset<Row> read(SparkSession spark, String input, List<String> header) {
    StructType schema = new StructType();
    List<String> known = Arrays.asList(Schemas.SALES_CSV.fieldNames());
    for (String name : header) {
      schema =
          known.contains(name)
              ? schema.add(Schemas.SALES_CSV.apply(name))
              : schema.add(name, DataTypes.StringType, true);
    }
    return spark
        .read()
        .option("header", "true")
        .option("mode", "PERMISSIVE")
        .schema(schema)
        .csv(input);
  }
}
