package io.lambdaretail.serving;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_json;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Spark types of a topic's Delta table to CQL types. Scalars map one to one, a map of text and a
 * list of scalars keep their shape; anything nested deeper (an order's items) is stored as its JSON
 * text, which every client can read. Column names are lower-cased: the lake already treats keys
 * that differ only in case as one column, and unquoted CQL names are lower-case.
 */
public final class CqlTypes {
  private CqlTypes() {}

  /** The CQL type a Spark column is stored as. */
  public static String of(DataType type) {
    String scalar = scalar(type);
    if (scalar != null) {
      return scalar;
    }
    if (type instanceof MapType m
        && m.keyType().equals(DataTypes.StringType)
        && m.valueType().equals(DataTypes.StringType)) {
      return "map<text, text>";
    }
    if (type instanceof ArrayType a && scalar(a.elementType()) != null) {
      return "list<" + scalar(a.elementType()) + ">";
    }
    return "text";
  }

  /**
   * The rows as Cassandra stores them: {@code kafka_topic} first, names lower-cased, nested values
   * as JSON text.
   */
  public static Dataset<Row> forCassandra(Dataset<Row> typed, String topic) {
    List<Column> cols = new ArrayList<>();
    cols.add(lit(topic).as(TopicTables.KAFKA_TOPIC));
    for (StructField f : typed.schema().fields()) {
      Column c = col(io.lambdaretail.stream.LakeNames.quoteSql(f.name()));
      boolean asJson =
          of(f.dataType()).equals("text") && !f.dataType().equals(DataTypes.StringType);
      cols.add((asJson ? to_json(c) : c).as(f.name().toLowerCase(Locale.ROOT)));
    }
    return typed.select(cols.toArray(Column[]::new));
  }

  /** Column name to CQL type for rows shaped by {@link #forCassandra}. */
  public static java.util.Map<String, String> columns(StructType cassandraRows) {
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    for (StructField f : cassandraRows.fields()) {
      out.put(f.name(), of(f.dataType()));
    }
    return out;
  }

  private static String scalar(DataType type) {
    if (type instanceof DecimalType) {
      return "decimal";
    }
    if (type.equals(DataTypes.StringType)) {
      return "text";
    }
    if (type.equals(DataTypes.IntegerType)) {
      return "int";
    }
    if (type.equals(DataTypes.LongType)) {
      return "bigint";
    }
    if (type.equals(DataTypes.ShortType)) {
      return "smallint";
    }
    if (type.equals(DataTypes.ByteType)) {
      return "tinyint";
    }
    if (type.equals(DataTypes.DoubleType)) {
      return "double";
    }
    if (type.equals(DataTypes.FloatType)) {
      return "float";
    }
    return otherScalar(type);
  }

  private static String otherScalar(DataType type) {
    if (type.equals(DataTypes.BooleanType)) {
      return "boolean";
    }
    if (type.equals(DataTypes.TimestampType)) {
      return "timestamp";
    }
    if (type.equals(DataTypes.DateType)) {
      return "date";
    }
    if (type.equals(DataTypes.BinaryType)) {
      return "blob";
    }
    return null;
  }
}
