package io.lambdaretail.cli;

import io.lambdaretail.catalog.LakeCatalog;
import io.lambdaretail.config.Errors;
import io.lambdaretail.spark.SparkSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code catalog}: the lake's tables, their columns, read-only SQL over them. */
@Command(
    name = "catalog",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Lists the Delta tables of a lake (raw, dead_letters, one per topic) with their row"
          + " counts, shows a table's columns, or runs a read-only Spark SQL query in which every"
          + " table is a view of its name. Statements that would write (INSERT, DELETE, MERGE,"
          + " CREATE, DROP, SET, ...) are refused before anything runs."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  lambda-retail catalog --lake data/stream-lake tables",
      "  lambda-retail catalog --lake data/stream-lake columns pdpviews",
      "  lambda-retail catalog --lake data/stream-lake query \\",
      "      \"SELECT topic, count(*) AS n FROM raw GROUP BY topic ORDER BY n DESC\""
    })
public final class CatalogCommand implements Callable<Integer> {
  private static final List<String> ACTIONS = List.of("tables", "columns", "query");

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin SparkOptions sparkOptions;

  @Option(names = "--lake", paramLabel = "PATH", required = true, description = "Lake directory.")
  String lake;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "100",
      description = "Rows a query returns at most (default: ${DEFAULT-VALUE}).")
  int limit;

  @Parameters(index = "0", paramLabel = "tables|columns|query", description = "What to show.")
  String action;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "TABLE|SQL",
      description = "The table for columns, the statement for query.")
  String argument;

  @Override
  public Integer call() {
    validate();
    SparkSession spark = SparkSessions.create(sparkOptions.settings("lambda-retail catalog"));
    LakeCatalog catalog = new LakeCatalog(spark, lake);
    if (catalog.tables().isEmpty()) {
      throw Errors.invalid(
          "--lake", lake, "it holds no Delta table (raw, dead_letters, topics/<topic>, ...)");
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("lake", lake);
    switch (action) {
      case "tables" -> summary.put("tables", catalog.describe());
      case "columns" -> {
        summary.put("table", argument);
        summary.put("columns", catalog.columns(argument));
      }
      default -> putRows(summary, catalog.query(argument));
    }
    Summaries.emit(spec, common, summary);
    return ExitCodes.OK;
  }

  private void validate() {
    if (!ACTIONS.contains(action)) {
      throw Errors.invalid("the action", action, "use one of " + ACTIONS);
    }
    boolean needsArgument = !action.equals("tables");
    if (needsArgument == (argument == null)) {
      throw Errors.invalid(
          action,
          argument == null ? "(nothing)" : argument,
          needsArgument
              ? "give the " + (action.equals("query") ? "SQL statement" : "table name")
              : "tables takes no argument");
    }
    if (limit < 1) {
      throw Errors.mustBePositive("--limit", limit);
    }
    if (!lake.contains("://") && !Files.isDirectory(Path.of(lake))) {
      throw Errors.invalid("--lake", lake, "no such directory");
    }
  }

  private void putRows(Map<String, Object> summary, Dataset<Row> result) {
    List<Row> rows = result.limit(limit + 1).collectAsList();
    List<Map<String, Object>> out = new ArrayList<>();
    String[] names = result.columns();
    for (Row r : rows.subList(0, Math.min(limit, rows.size()))) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (int i = 0; i < names.length; i++) {
        Object v = r.get(i);
        m.put(
            names[i], v == null || v instanceof Number || v instanceof Boolean ? v : v.toString());
      }
      out.add(m);
    }
    summary.put("columns", List.of(names));
    summary.put("rows", out);
    summary.put("truncated", rows.size() > limit);
  }
}
