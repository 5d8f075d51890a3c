package io.lambdaretail.cli;

import io.lambdaretail.config.Errors;
import io.lambdaretail.serving.ServeJob;
import io.lambdaretail.serving.ServeOptions;
import io.lambdaretail.serving.ServingOptions;
import io.lambdaretail.spark.SparkSessions;
import io.lambdaretail.stream.LakeLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code serve}: the serving tables recomputed from the lake for closed dates (batch views). */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Recomputes the Cassandra serving tables item_activity_by_hour, trending_categories,"
          + " sessions_by_user and deals_by_category for the UTC dates --from..--to from the lake,"
          + " and overwrites what the speed layer (stream) wrote for them: the batch layer's"
          + " correction for late events, replays and backfills. Idempotent: run it again and the"
          + " tables hold the same rows.",
      "Reads the stream's typed tables under --lake (topics/pdpviews, topics/transactions,"
          + " topics/deals), or the tables given with --pdpviews, --transactions, --deals (e.g."
          + " ingest's output); a table that does not exist is skipped. Run it for dates the"
          + " stream's --watermark has passed (yesterday and before)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  lambda-retail serve --lake data/stream-lake --from 2026-11-23 \\",
      "      --cassandra-host 127.0.0.1 --keyspace retail --item-categories data/sample/items.csv",
      "  lambda-retail serve --pdpviews data/lake/pdpviews --transactions data/lake/transactions \\",
      "      --from 2026-11-01 --to 2026-11-30 --cassandra-host 127.0.0.1 --keyspace retail"
    })
public final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin SparkOptions sparkOptions;

  @Option(
      names = "--from",
      paramLabel = "YYYY-MM-DD",
      required = true,
      description = "First UTC date to recompute.")
  String from;

  @Option(
      names = "--to",
      paramLabel = "YYYY-MM-DD",
      description = "Last UTC date to recompute (default: --from).")
  String to;

  @Option(
      names = "--lake",
      paramLabel = "PATH",
      description = "The stream's lake: its topics/<topic> tables are read.")
  String lake;

  @Option(
      names = "--pdpviews",
      paramLabel = "PATH",
      description = "Page-view table (Delta or Parquet), instead of <lake>/topics/pdpviews.")
  String pdpviews;

  @Option(
      names = "--transactions",
      paramLabel = "PATH",
      description = "Order table, instead of <lake>/topics/transactions.")
  String transactions;

  @Option(
      names = "--deals",
      paramLabel = "PATH",
      description = "Deal table, instead of <lake>/topics/deals.")
  String deals;

  @Mixin CassandraServingOptions cassandra;

  @Override
  public Integer call() {
    ServeOptions options = options();
    var spark = SparkSessions.create(sparkOptions.settings("lambda-retail serve"));
    Summaries.emit(spec, common, new ServeJob(spark, options).run());
    return ExitCodes.OK;
  }

  ServeOptions options() {
    LocalDate first = date("--from", from);
    LocalDate last = to == null ? first : date("--to", to);
    if (last.isBefore(first)) {
      throw Errors.invalid("--to", to, "use a date on or after --from " + from);
    }
    checkSources();
    if (cassandra.cassandraHost == null) {
      throw Errors.invalid(
          "--cassandra-host", null, "serve writes Cassandra: give --cassandra-host H --keyspace K");
    }
    ServingOptions serving =
        CassandraOptionsParser.parse(
            cassandra, Map.of(), Duration.ZERO, CassandraOptionsParser.ALL_TOPICS);
    LakeLayout layout = lake == null ? null : new LakeLayout(lake);
    return new ServeOptions(
        first,
        last,
        table(pdpviews, layout, "pdpviews"),
        table(transactions, layout, "transactions"),
        table(deals, layout, "deals"),
        serving);
  }

  private void checkSources() {
    if (lake == null && pdpviews == null && transactions == null && deals == null) {
      throw Errors.invalid(
          "--lake", null, "give --lake PATH, or the tables with --pdpviews/--transactions/--deals");
    }
    for (Map.Entry<String, String> given :
        Map.of(
                "--pdpviews",
                orEmpty(pdpviews),
                "--transactions",
                orEmpty(transactions),
                "--deals",
                orEmpty(deals),
                "--lake",
                orEmpty(lake))
            .entrySet()) {
      String path = given.getValue();
      if (!path.isEmpty() && !path.contains("://") && !Files.isDirectory(Path.of(path))) {
        throw Errors.invalid(
            given.getKey(),
            path,
            "no such directory: pass the stream's lake, or a table 'ingest' or 'stream' wrote");
      }
    }
  }

  private static String table(String given, LakeLayout layout, String topic) {
    return given != null ? given : layout == null ? null : layout.topic(topic);
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static LocalDate date(String option, String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw Errors.invalid(option, value, "use a date like 2026-11-23");
    }
  }
}
