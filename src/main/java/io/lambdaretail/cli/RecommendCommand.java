package io.lambdaretail.cli;

import io.lambdaretail.config.Errors;
import io.lambdaretail.recs.CassandraTarget;
import io.lambdaretail.recs.RecommendJob;
import io.lambdaretail.recs.RecommendOptions;
import io.lambdaretail.recs.RecommendOptions.Exclude;
import io.lambdaretail.recs.RecommendOptions.Format;
import io.lambdaretail.recs.RecommendationWriters;
import io.lambdaretail.recs.RecommenderModels;
import io.lambdaretail.recs.UserList;
import io.lambdaretail.spark.SparkSessions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code recommend}: top-N per user from any saved recommender. */
@Command(
    name = "recommend",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Writes the top-N products per user from a saved recommender (train-als, train-hybrid):"
          + " the user's bought products excluded by default, the popularity list for users the"
          + " model does not know.",
      "Outputs: --out as .ndjson.xz ({\"user_id\": ..., \"items\": [...], \"scores\": [...]}"
          + " a line, keyed browser_id for a browser-keyed model) or Parquet, and/or Cassandra"
          + " recs_by_user (user_id, rank, product_id, score, model_version), where a rerun"
          + " replaces each user's list."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  lambda-retail recommend --model models/als --k 10 --out out/recs",
      "  lambda-retail recommend --model models/als --users users.txt --out out/recs.parquet \\",
      "      --format parquet",
      "  lambda-retail recommend --model models/als --cassandra-host 127.0.0.1 --keyspace shop"
    })
public final class RecommendCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin SparkOptions sparkOptions;
  @Mixin OverwriteOption overwrite;

  @Option(
      names = "--model",
      paramLabel = "PATH",
      required = true,
      description = "A recommender's --model-out directory.")
  String model;

  @Option(
      names = "--k",
      defaultValue = "10",
      description = "Products per user (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(
      names = "--users",
      paramLabel = "PATH",
      description =
          "Ids to recommend for: one a line, or CSV (with a header) or Parquet with a user_id or"
              + " browser_id column (default: all known users).")
  String users;

  @Option(
      names = "--out",
      paramLabel = "PATH",
      description =
          "Output directory: new, or an earlier output of recommend, replaced on success.")
  String out;

  @Option(
      names = "--format",
      defaultValue = "ndjson.xz",
      description = "ndjson.xz or parquet (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--exclude",
      defaultValue = "bought",
      description =
          "Leave out the user's bought, seen or none of the training items (default: ${DEFAULT-VALUE}).")
  String exclude;

  @Option(names = "--cassandra-host", paramLabel = "HOST", description = "Also write to Cassandra.")
  String cassandraHost;

  @Option(
      names = "--cassandra-port",
      defaultValue = "9042",
      description = "CQL port (default: ${DEFAULT-VALUE}).")
  int cassandraPort;

  @Option(
      names = "--keyspace",
      paramLabel = "NAME",
      description = "Cassandra keyspace, created when missing.")
  String keyspace;

  @Option(
      names = "--table",
      defaultValue = CassandraTarget.DEFAULT_TABLE,
      description = "Cassandra table, created when missing (default: ${DEFAULT-VALUE}).")
  String table;

  @Option(
      names = "--replication",
      defaultValue = CassandraTarget.DEFAULT_REPLICATION,
      description =
          "For a new keyspace: SimpleStrategy:N or NetworkTopologyStrategy:dc1=N,... (default: ${DEFAULT-VALUE}).")
  String replication;

  @Override
  public Integer call() {
    RecommendOptions options = options();
    var settings = sparkOptions.settings("lambda-retail recommend");
    // a wrong --model is invalid input: say so before Spark starts
    RecommenderModels.requireModel(settings.hadoopConfiguration(), options.model());
    if (options.users() != null) {
      UserList.require(settings.hadoopConfiguration(), options.users());
    }
    overwrite.check(
        settings.hadoopConfiguration(), "--out", options.out(), RecommendationWriters.KIND);
    var spark = SparkSessions.create(settings);
    Summaries.emit(spec, common, new RecommendJob(spark, options).run().toSummary());
    return ExitCodes.OK;
  }

  RecommendOptions options() {
    return new RecommendOptions(
        model, k, users, out, Format.parse(format), Exclude.parse(exclude), cassandra());
  }

  private CassandraTarget cassandra() {
    if (cassandraHost == null && keyspace == null) {
      return null;
    }
    if (keyspace == null) {
      throw Errors.invalid("--keyspace", null, "pass --keyspace NAME with --cassandra-host.");
    }
    if (cassandraHost == null) {
      throw Errors.invalid("--cassandra-host", null, "pass --cassandra-host HOST with --keyspace.");
    }
    return new CassandraTarget(cassandraHost, cassandraPort, keyspace, table, replication);
  }
}
