package io.lambdaretail.serving;

import io.lambdaretail.stream.LakeNames;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CQL identifiers: every name is checked by the lake's rule ({@link LakeNames}) and Cassandra's
 * limits, then double-quoted (inner quotes doubled) wherever it reaches CQL text, so no name, even
 * one that slipped past a check, can end a statement or add one.
 */
public final class Cql {
  /** Cassandra's limit on keyspace and table names. */
  public static final int MAX_NAME = 48;

  /** The serving tables; a topic of the same name gets no Cassandra table of its own. */
  public static final Set<String> SERVING_TABLES =
      Set.of(
          ServingTables.ITEM_ACTIVITY,
          ServingTables.SESSIONS,
          ServingTables.DEALS,
          ServingTables.TRENDS);

  private static final Pattern KEYSPACE = Pattern.compile("[a-z][a-z0-9_]{0,47}");

  private Cql() {}

  /** {@code "name"} with inner double quotes doubled: always one identifier, whatever it holds. */
  public static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  /** {@code "keyspace"."table"}. */
  public static String qualified(String keyspace, String table) {
    return quote(keyspace) + "." + quote(table);
  }

  /** Why {@code keyspace} cannot be used, or empty when it can. */
  public static Optional<String> keyspaceProblem(String keyspace) {
    if (!KEYSPACE.matcher(keyspace).matches()) {
      return Optional.of(
          "a lower-case letter, then lower-case letters, digits or '_', at most " + MAX_NAME);
    }
    return Optional.empty();
  }

  /** Why topic {@code topic} cannot have a Cassandra table, or empty when it can. */
  public static Optional<String> topicTableProblem(String topic) {
    Optional<String> lake = LakeNames.tableNameProblem(topic);
    if (lake.isPresent()) {
      return lake;
    }
    if (topic.length() > MAX_NAME) {
      return Optional.of(
          "topic name '" + topic + "' is longer than Cassandra's " + MAX_NAME + " characters");
    }
    if (SERVING_TABLES.contains(topic)) {
      return Optional.of("topic name '" + topic + "' is reserved for a serving table");
    }
    return Optional.empty();
  }

  /** Why {@code column} cannot name a Cassandra column, or empty when it can. */
  public static Optional<String> columnProblem(String column) {
    return LakeNames.columnNameProblem(column);
  }
}
