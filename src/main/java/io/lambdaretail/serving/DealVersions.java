package io.lambdaretail.serving;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * {@code deals_by_category} from the deals the lake holds. A deal's discount and price are part of
 * its clustering key, so a new version of a deal moves its row: the table gets the latest version
 * of each deal (by {@code updated_at}, then Kafka position) and the keys of its earlier versions
 * are deleted. Both follow from the lake alone, so a replay deletes and writes the same rows. A
 * version without a sub-category, discount or price cannot be keyed and is not written.
 */
final class DealVersions {
  /** Columns beyond the key, as the deals contract names them, to their CQL types. */
  static final Map<String, String> OTHER_COLUMNS = otherColumns();

  static final List<String> KEY =
      List.of(
          ServingTables.SUB_CATEGORY,
          ServingTables.DISCOUNT,
          ServingTables.PRICE,
          ServingTables.ID);

  private DealVersions() {}

  /** The latest version of each deal among {@code versions} (typed deals rows). */
  static Dataset<Row> latest(Dataset<Row> versions) {
    return versions
        .withColumn(
            "version_rank",
            row_number()
                .over(
                    Window.partitionBy(ServingTables.ID)
                        .orderBy(
                            col("event_time").desc_nulls_last(),
                            col("kafka_partition").desc(),
                            col("kafka_offset").desc())))
        .filter(col("version_rank").equalTo(1))
        .drop("version_rank");
  }

  /** Rows of {@code deals_by_category} for the latest versions that have a full key. */
  static Dataset<Row> rows(Dataset<Row> latest) {
    List<Column> cols = new ArrayList<>();
    for (String k : KEY) {
      cols.add(col(k));
    }
    for (String c : OTHER_COLUMNS.keySet()) {
      cols.add(col(c));
    }
    return keyed(latest).select(cols.toArray(Column[]::new));
  }

  /** Keys of earlier versions that are no longer a deal's key (to delete). */
  static Dataset<Row> staleKeys(Dataset<Row> versions, Dataset<Row> latest) {
    String[] key = KEY.toArray(String[]::new);
    Dataset<Row> current = keyed(latest).select(key[0], key[1], key[2], key[3]);
    return keyed(versions)
        .select(key[0], key[1], key[2], key[3])
        .distinct()
        .join(current, ActivityTotals.seq(key), "left_anti");
  }

  private static Dataset<Row> keyed(Dataset<Row> deals) {
    Column full = null;
    for (String k : KEY) {
      full = full == null ? col(k).isNotNull() : full.and(col(k).isNotNull());
    }
    return deals.filter(full);
  }

  private static Map<String, String> otherColumns() {
    Map<String, String> c = new LinkedHashMap<>();
    c.put(ServingTables.CATEGORY, "text");
    c.put("title", "text");
    c.put("number_sold", "int");
    c.put("provider_name", "text");
    c.put("merchant_id", "text");
    c.put("merchant_name", "text");
    c.put("merchant_locality", "text");
    c.put("merchant_region", "text");
    c.put("merchant_country", "text");
    c.put("online", "boolean");
    c.put("expires_at", "timestamp");
    c.put("created_at", "timestamp");
    c.put("updated_at", "timestamp");
    return java.util.Collections.unmodifiableMap(c);
  }
}
