package io.lambdaretail.stream;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one rule for names that come from data (topics become table names, JSON keys become column
 * names), and the quoting used whenever such a name reaches SQL. A name that breaks the rule never
 * becomes a table or column: its records go to the dead letters with the reason this class gives.
 *
 * <p>Rule: a letter, then letters, digits or underscores, at most 64 characters for tables and 128
 * for columns. Table names are case-insensitive and kept lower-case, so topic {@code Orders} and
 * {@code orders} would share a table: topics must therefore be lower-case. Columns keep their
 * spelling; keys that differ only in case are the same column. The lake's own tables and the job's
 * own columns are reserved.
 */
public final class LakeNames {
  public static final String RAW = "raw";
  public static final String DEAD_LETTERS = "dead_letters";
  public static final String SESSIONS = "sessions";

  /** Prefix of the columns the job adds to every typed row (partition, offset, ...). */
  public static final String RESERVED_COLUMN_PREFIX = "kafka_";

  private static final Pattern TABLE = Pattern.compile("[a-z][a-z0-9_]{0,63}");
  private static final Pattern COLUMN = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,127}");
  private static final Set<String> RESERVED_TABLES = Set.of(RAW, DEAD_LETTERS, SESSIONS, "topics");

  private LakeNames() {}

  /** Why {@code topic} cannot name a table, or empty when it can. */
  public static Optional<String> tableNameProblem(String topic) {
    if (!TABLE.matcher(topic).matches()) {
      return Optional.of(
          "topic name "
              + printable(topic)
              + " is not a valid table name (a lower-case letter, then lower-case letters, digits"
              + " or '_', at most 64)");
    }
    if (RESERVED_TABLES.contains(topic)) {
      return Optional.of("topic name '" + topic + "' is reserved for the lake's own tables");
    }
    return Optional.empty();
  }

  /** Why {@code key} cannot name a column, or empty when it can. */
  public static Optional<String> columnNameProblem(String key) {
    if (!COLUMN.matcher(key).matches()) {
      return Optional.of(
          "key "
              + printable(key)
              + " is not a valid column name (a letter, then letters, digits or '_', at most 128)");
    }
    if (key.toLowerCase(Locale.ROOT).startsWith(RESERVED_COLUMN_PREFIX)) {
      return Optional.of(
          "key '"
              + key
              + "' uses the prefix '"
              + RESERVED_COLUMN_PREFIX
              + "' reserved for the job");
    }
    return Optional.empty();
  }

  /** Quotes an identifier for Spark SQL (backticks doubled), whatever it contains. */
  public static String quoteSql(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }

  /** A name for an error message: quoted, shortened, control characters escaped. */
  static String printable(String name) {
    String cut = name.length() > 80 ? name.substring(0, 80) + "..." : name;
    StringBuilder b = new StringBuilder("'");
    for (char c : cut.toCharArray()) {
      if (c < 0x20 || c == 0x7f) {
        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('\'').toString();
  }
}
