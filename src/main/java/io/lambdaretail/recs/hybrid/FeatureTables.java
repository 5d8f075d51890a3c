package io.lambdaretail.recs.hybrid;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import io.lambdaretail.config.Errors;
import io.lambdaretail.recs.TrainingSets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;

/**
 * User and item feature tables ({@code --user-features}, {@code --item-features}), CSV with a
 * header or Parquet, in one of two layouts:
 *
 * <ul>
 *   <li>long: exactly the columns {@code id,feature[,value]}; one row per (id, feature), value 1
 *       when absent or empty;
 *   <li>wide: the first column is the id, every other column whose values are not all numbers is
 *       categorical and becomes features {@code column=value} of weight 1 (e.g. {@code
 *       country=FR}); numeric columns are listed in the summary as not used.
 * </ul>
 *
 * Rows with no id, no feature or a value that is not a number are counted, not used.
 */
public final class FeatureTables {
  public static final String ID = "id";
  public static final String FEATURE = "feature";
  public static final String VALUE = "value";

  private FeatureTables() {}

  /**
   * A table in long form.
   *
   * @param rows {@code id, feature, value} (string, string, float), usable rows only
   * @param layout {@code long} or {@code wide}
   * @param featureColumns columns that became features (wide), or {@code [feature]}
   * @param ignoredColumns numeric columns of a wide table
   * @param badRows rows not used (no id, no feature, value not a number)
   */
  public record LongTable(
      Dataset<Row> rows,
      String layout,
      List<String> featureColumns,
      List<String> ignoredColumns,
      long badRows) {}

  /** Reads and converts a feature table; exit-2 errors when it is missing or has one column. */
  public static LongTable read(SparkSession spark, String option, String path) {
    TrainingSets.requireExists(spark, option, path);
    Dataset<Row> raw =
        TrainingSets.isParquet(spark, path)
            ? spark.read().parquet(path)
            : spark.read().option("header", "true").option("inferSchema", "false").csv(path);
    if (raw.columns().length < 2) {
      throw Errors.invalid(
          option,
          path,
          "a feature table needs an id column and at least one feature column (long layout:"
              + " id,feature[,value]; wide: id followed by attribute columns), found "
              + Arrays.toString(raw.columns())
              + ".");
    }
    LongTable table = toLong(raw);
    if (table.featureColumns().isEmpty()) {
      throw Errors.invalid(
          option,
          path,
          "every column after the id is numeric "
              + table.ignoredColumns()
              + ", and a wide table's features are its non-numeric columns; give numeric features"
              + " in the long layout id,feature,value.");
    }
    return table;
  }

  /** Converts a raw table (either layout); runs one aggregation to find numeric columns. */
  public static LongTable toLong(Dataset<Row> raw) {
    if (isLongLayout(raw.columns())) {
      return counted(longRows(raw), "long", List.of(FEATURE), List.of());
    }
    String id = raw.columns()[0];
    List<String> numeric = numericColumns(raw);
    List<String> categorical = new ArrayList<>();
    for (String c : raw.columns()) {
      if (!c.equals(id) && !numeric.contains(c)) {
        categorical.add(c);
      }
    }
    if (categorical.isEmpty()) {
      // nothing to turn into features: no rows, and read() says why
      Dataset<Row> none =
          raw.limit(0)
              .select(
                  lit(null).cast("string").as(ID),
                  lit(null).cast("string").as(FEATURE),
                  lit(null).cast("float").as(VALUE));
      return new LongTable(none, "wide", categorical, numeric, 0);
    }
    return counted(wideRows(raw, id, categorical), "wide", categorical, numeric);
  }

  static boolean isLongLayout(String[] columns) {
    List<String> lower = Arrays.stream(columns).map(c -> c.toLowerCase(Locale.ROOT)).toList();
    return lower.equals(List.of(ID, FEATURE)) || lower.equals(List.of(ID, FEATURE, VALUE));
  }

  /** {@code id, feature, value} with null marking a bad row's feature. Pure. */
  static Dataset<Row> longRows(Dataset<Row> raw) {
    String[] c = raw.columns();
    Column value =
        c.length == 3 ? parsedValue(raw.col(c[2]), raw.schema().fields()[2].dataType()) : lit(1f);
    return raw.select(
        trimmed(raw.col(c[0])).as(ID), trimmed(raw.col(c[1])).as(FEATURE), value.as(VALUE));
  }

  /** One row per (id, categorical column with a value): feature {@code column=value}. Pure. */
  static Dataset<Row> wideRows(Dataset<Row> raw, String id, List<String> categorical) {
    Dataset<Row> out = null;
    for (String c : categorical) {
      Column v = trimmed(raw.col(quote(c)));
      Dataset<Row> part =
          raw.filter(v.isNotNull())
              .select(
                  trimmed(raw.col(quote(id))).as(ID),
                  concat(lit(c + "="), v).as(FEATURE),
                  lit(1f).as(VALUE));
      out = out == null ? part : out.unionByName(part);
    }
    return out;
  }

  private static String quote(String column) {
    return "`" + column.replace("`", "``") + "`";
  }

  private static Column trimmed(Column c) {
    Column t = trim(c.cast("string"));
    return when(t.equalTo(""), lit(null)).otherwise(t);
  }

  private static Column parsedValue(Column c, DataType type) {
    if (type instanceof NumericType) {
      return coalesce(c.cast("float"), lit(1f));
    }
    Column text = trimmed(c);
    // an empty value means 1; text that is not a number makes the value null (a bad row)
    return when(text.isNull(), lit(1f)).otherwise(text.cast("float"));
  }

  private static LongTable counted(
      Dataset<Row> rows, String layout, List<String> featureColumns, List<String> ignored) {
    Column ok = col(ID).isNotNull().and(col(FEATURE).isNotNull()).and(col(VALUE).isNotNull());
    long bad = rows.filter(ok.unary_$bang()).count();
    return new LongTable(rows.filter(ok), layout, featureColumns, ignored, bad);
  }

  /** Columns (other than the first) whose non-empty values all parse as numbers. */
  static List<String> numericColumns(Dataset<Row> raw) {
    String[] columns = raw.columns();
    List<Column> aggs = new ArrayList<>();
    for (int i = 1; i < columns.length; i++) {
      Column v = trimmed(raw.col(quote(columns[i])));
      // counts the values that are present but not numbers
      aggs.add(count(when(v.isNotNull().and(v.cast("double").isNull()), lit(1))));
    }
    Row r = raw.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0])).first();
    List<String> numeric = new ArrayList<>();
    StructField[] fields = raw.schema().fields();
    for (int i = 1; i < columns.length; i++) {
      boolean typed = fields[i].dataType() instanceof NumericType;
      boolean boolLike = fields[i].dataType().equals(DataTypes.BooleanType);
      if (!boolLike && (typed || r.getLong(i - 1) == 0)) {
        numeric.add(columns[i]);
      }
    }
    return numeric;
  }
}
