package io.lambdaretail.serving;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A Cassandra table as the CQL that creates it: columns (name to CQL type), partition key and
 * clustering columns with their order. Every name is quoted ({@link Cql#quote}).
 *
 * @param clustering clustering column to {@code ASC} or {@code DESC}, in key order
 */
public record TableDesign(
    String name,
    Map<String, String> columns,
    List<String> partitionKey,
    Map<String, String> clustering) {

  public TableDesign {
    columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    partitionKey = List.copyOf(partitionKey);
    clustering = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(clustering));
    List<String> key = new ArrayList<>(partitionKey);
    key.addAll(clustering.keySet());
    for (String k : key) {
      if (!columns.containsKey(k)) {
        throw new IllegalArgumentException(
            "key column '" + k + "' of table '" + name + "' is not one of its columns");
      }
    }
  }

  /** {@code CREATE TABLE IF NOT EXISTS}: a rerun or a replayed batch finds it and goes on. */
  public String createCql(String keyspace) {
    String cols =
        columns.entrySet().stream()
            .map(e -> Cql.quote(e.getKey()) + " " + e.getValue())
            .collect(Collectors.joining(", "));
    String partition =
        "(" + partitionKey.stream().map(Cql::quote).collect(Collectors.joining(", ")) + ")";
    StringBuilder key = new StringBuilder(partition);
    clustering.keySet().forEach(c -> key.append(", ").append(Cql.quote(c)));
    StringBuilder cql =
        new StringBuilder("CREATE TABLE IF NOT EXISTS ")
            .append(Cql.qualified(keyspace, name))
            .append(" (")
            .append(cols)
            .append(", PRIMARY KEY (")
            .append(key)
            .append("))");
    if (!clustering.isEmpty()) {
      cql.append(" WITH CLUSTERING ORDER BY (")
          .append(
              clustering.entrySet().stream()
                  .map(e -> Cql.quote(e.getKey()) + " " + e.getValue())
                  .collect(Collectors.joining(", ")))
          .append(")");
    }
    return cql.toString();
  }

  /** {@code ALTER TABLE ... ADD} for one new column. */
  public static String addColumnCql(String keyspace, String table, String column, String type) {
    return "ALTER TABLE "
        + Cql.qualified(keyspace, table)
        + " ADD "
        + Cql.quote(column)
        + " "
        + type;
  }

  /** The columns a row of this table is addressed by, in key order. */
  public List<String> primaryKey() {
    List<String> key = new ArrayList<>(partitionKey);
    key.addAll(clustering.keySet());
    return key;
  }
}
