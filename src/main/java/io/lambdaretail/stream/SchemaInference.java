package io.lambdaretail.stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdaretail.ingest.BadRecordException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The columns of a discovered topic's table: those it has, plus one per key first seen in this
 * batch (appended in name order, typed by the widest kind of its values). Existing columns never
 * change type, so earlier rows stay readable; a value that no longer fits is a dead letter. Keys
 * whose values were all null add nothing until a typed value arrives. Deterministic for a batch
 * whatever the record order, so a replayed batch evolves the table the same way.
 */
final class SchemaInference {
  private SchemaInference() {}

  /** Key (lower-case) to the column it would need; invalid records are skipped. */
  static Map<String, Column> observe(Dataset<String> values) {
    List<String> seen =
        values
            .mapPartitions(
                (MapPartitionsFunction<String, String>) SchemaInference::observe, Encoders.STRING())
            .collectAsList();
    Map<String, Column> merged = new HashMap<>();
    for (String line : seen) {
      String[] f = line.split("\t", -1);
      merged.merge(f[0], new Column(f[1], ValueKind.valueOf(f[2])), Column::merge);
    }
    return merged;
  }

  /** {@code existing} with a column appended for every observed key it lacks. */
  static StructType evolve(StructType existing, Map<String, Column> observed) {
    Map<String, Boolean> present = new HashMap<>();
    for (StructField f : existing.fields()) {
      present.put(f.name().toLowerCase(Locale.ROOT), true);
    }
    StructType out = existing;
    for (Map.Entry<String, Column> e : new TreeMap<>(observed).entrySet()) {
      if (!present.containsKey(e.getKey())) {
        out = out.add(e.getValue().name(), e.getValue().kind().type(), true);
      }
    }
    return out;
  }

  private static Iterator<String> observe(Iterator<String> values) {
    Map<String, Column> columns = new HashMap<>();
    while (values.hasNext()) {
      Map<String, Map.Entry<String, JsonNode>> keys;
      try {
        keys = JsonRecords.read(values.next());
      } catch (BadRecordException e) {
        continue; // the parser sends it to the dead letters with this same reason
      }
      for (Map.Entry<String, Map.Entry<String, JsonNode>> k : keys.entrySet()) {
        ValueKind kind = ValueKind.of(k.getValue().getValue());
        if (kind != null) {
          columns.merge(k.getKey(), new Column(k.getValue().getKey(), kind), Column::merge);
        }
      }
    }
    List<String> out = new ArrayList<>(columns.size());
    columns.forEach((lower, c) -> out.add(lower + "\t" + c.name() + "\t" + c.kind().name()));
    return out.iterator();
  }

  /** A column a key needs: its spelling (the smallest seen, for determinism) and kind. */
  record Column(String name, ValueKind kind) {
    Column merge(Column other) {
      String n = name.compareTo(other.name) <= 0 ? name : other.name;
      return new Column(n, ValueKind.widen(kind, other.kind));
    }
  }
}
