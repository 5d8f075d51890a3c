package io.lambdaretail.catalog;

import io.delta.tables.DeltaTable;
import io.lambdaretail.config.Errors;
import io.lambdaretail.stream.LakeLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;

/**
 * The Delta tables of a lake: its top-level tables ({@code raw}, {@code dead_letters}, ...) and one
 * per topic under {@code topics/}, each known by its directory name.
 */
public final class LakeCatalog {
  // a directory whose name is not a plain identifier is not offered as a table
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,127}");

  private final SparkSession spark;
  private final LakeLayout layout;
  private Map<String, String> tables;

  public LakeCatalog(SparkSession spark, String lake) {
    this.spark = spark;
    this.layout = new LakeLayout(lake);
  }

  /** Table name to path, lake tables first, then topics, each in name order. */
  public Map<String, String> tables() {
    if (tables == null) {
      Map<String, String> found = new LinkedHashMap<>(deltaTablesIn(layout.lake()));
      found.putAll(deltaTablesIn(layout.topicsDir()));
      tables = found;
    }
    return tables;
  }

  /** Name, path, row count and column count of every table. */
  public List<Map<String, Object>> describe() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map.Entry<String, String> t : tables().entrySet()) {
      Dataset<Row> df = spark.read().format("delta").load(t.getValue());
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("table", t.getKey());
      row.put("rows", df.count());
      row.put("columns", df.columns().length);
      row.put("path", t.getValue());
      out.add(row);
    }
    return out;
  }

  /** Name, type and nullability of the table's columns. */
  public List<Map<String, Object>> columns(String table) {
    String path = tables().get(table);
    if (path == null) {
      throw Errors.unknownTable(table, tables().keySet());
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (StructField f : spark.read().format("delta").load(path).schema().fields()) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("column", f.name());
      c.put("type", f.dataType().simpleString());
      c.put("nullable", f.nullable());
      out.add(c);
    }
    return out;
  }

  /** Runs a read-only query with every table registered as a view of its name. */
  public Dataset<Row> query(String sql) {
    ReadOnlySql.check(spark, sql, tables().keySet());
    for (Map.Entry<String, String> t : tables().entrySet()) {
      spark.read().format("delta").load(t.getValue()).createOrReplaceTempView(t.getKey());
    }
    return spark.sql(sql);
  }

  private Map<String, String> deltaTablesIn(String dir) {
    Map<String, String> found = new TreeMap<>();
    Path path = new Path(dir);
    try {
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(path)) {
        return found;
      }
      for (FileStatus s : fs.listStatus(path)) {
        String name = s.getPath().getName();
        String child = s.getPath().toString();
        if (s.isDirectory()
            && NAME.matcher(name).matches()
            && DeltaTable.isDeltaTable(spark, child)) {
          found.put(name, child);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
    // lake tables in a fixed order people expect, then the rest alphabetically
    Map<String, String> ordered = new LinkedHashMap<>();
    for (String first : List.of("raw", "dead_letters")) {
      if (found.containsKey(first)) {
        ordered.put(first, found.remove(first));
      }
    }
    ordered.putAll(found);
    return ordered;
  }
}
