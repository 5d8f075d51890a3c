package io.lambdaretail.recs;

import io.lambdaretail.config.Errors;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where {@code recommend} writes in Cassandra. Names are validated and quoted before they become
 * CQL; the replication is parsed, never pasted.
 *
 * @param host contact point ({@code --cassandra-host})
 * @param port CQL port ({@code --cassandra-port}, default 9042)
 * @param keyspace {@code --keyspace}, created when missing
 * @param table {@code --table}, default {@code recs_by_user}, created when missing
 * @param replication {@code --replication}: {@code SimpleStrategy:N} (default {@code
 *     SimpleStrategy:1}) or {@code NetworkTopologyStrategy:dc1=3,dc2=2}; used only to create the
 *     keyspace
 */
public record CassandraTarget(
    String host, int port, String keyspace, String table, String replication) {
  public static final String DEFAULT_TABLE = "recs_by_user";
  public static final String DEFAULT_REPLICATION = "SimpleStrategy:1";
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,47}");
  private static final Pattern DC = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  public CassandraTarget {
    if (host == null || host.isBlank()) {
      throw Errors.invalid("--cassandra-host", host, "pass a contact point, e.g. 127.0.0.1.");
    }
    if (port < 1 || port > 65_535) {
      throw Errors.invalid("--cassandra-port", port, "pass a port between 1 and 65535.");
    }
    requireName("--keyspace", keyspace);
    table = table == null || table.isBlank() ? DEFAULT_TABLE : table;
    requireName("--table", table);
    replication = replication == null || replication.isBlank() ? DEFAULT_REPLICATION : replication;
    replicationMap(replication);
  }

  /** {@code "keyspace"."table"}. */
  public String qualifiedTable() {
    return quote(keyspace) + "." + quote(table);
  }

  public static String quote(String name) {
    return '"' + name + '"';
  }

  /** The CQL map literal of the replication, e.g. {@code {'class': 'SimpleStrategy', ...}}. */
  public String replicationCql() {
    StringBuilder b = new StringBuilder("{");
    replicationMap(replication)
        .forEach(
            (k, v) -> {
              if (b.length() > 1) {
                b.append(", ");
              }
              b.append('\'').append(k).append("': '").append(v).append('\'');
            });
    return b.append('}').toString();
  }

  static Map<String, String> replicationMap(String spec) {
    String[] parts = spec.split(":", 2);
    Map<String, String> m = new LinkedHashMap<>();
    String how =
        "use SimpleStrategy:N or NetworkTopologyStrategy:dc1=N,dc2=N with N between 1 and 99.";
    if (parts.length == 2 && parts[0].equals("SimpleStrategy") && parts[1].matches("[1-9][0-9]?")) {
      m.put("class", "SimpleStrategy");
      m.put("replication_factor", parts[1]);
      return m;
    }
    if (parts.length != 2 || !parts[0].equals("NetworkTopologyStrategy")) {
      throw Errors.invalid("--replication", spec, how);
    }
    m.put("class", "NetworkTopologyStrategy");
    for (String dc : parts[1].split(",")) {
      String[] kv = dc.split("=", 2);
      if (kv.length != 2 || !DC.matcher(kv[0]).matches() || !kv[1].matches("[1-9][0-9]?")) {
        throw Errors.invalid("--replication", spec, how);
      }
      m.put(kv[0], kv[1]);
    }
    return m;
  }

  private static void requireName(String option, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw Errors.invalid(
          option,
          name,
          "use a lower-case Cassandra name: a letter, then letters, digits or _ (48 at most).");
    }
  }
}
