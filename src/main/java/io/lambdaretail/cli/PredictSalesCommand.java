package io.lambdaretail.cli;

import io.lambdaretail.config.Errors;
import io.lambdaretail.sales.SalesCsv;
import io.lambdaretail.sales.SalesForecastTable;
import io.lambdaretail.sales.SalesModelStore;
import io.lambdaretail.sales.SalesPredictionJob;
import io.lambdaretail.sales.SalesPredictionOptions;
import io.lambdaretail.sales.SalesPredictionOptions.Format;
import io.lambdaretail.spark.SparkSessions;
import io.lambdaretail.spark.SparkSettings;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code predict-sales}: monthly quantity predictions from a {@code train-sales} model. Public so
 * that tests outside this package can register it on the command tree.
 */
@Command(
    name = "predict-sales",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Predicts the monthly quantity for each input row of store_id, product_id and either date"
          + " (the prediction of its month) or year and month; no quantity column is needed.",
      "Output rows keep the input's keys and add 'prediction' and 'status': ok, or"
          + " unknown_store / unknown_product / unknown_store_and_product when the prediction"
          + " came from fallback levels, or invalid_date (no prediction)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  lambda-retail predict-sales --model models/sales --input next_month.csv \\",
      "      --output data/predictions/sales",
      "  lambda-retail predict-sales --model s3a://bucket/models/sales --input s3a://bucket/in.csv \\",
      "      --output s3a://bucket/out/sales --format parquet",
      "  lambda-retail predict-sales --model models/sales --input next_month.csv \\",
      "      --output data/predictions/sales --cassandra-host 127.0.0.1 --keyspace lambda_retail"
    })
public final class PredictSalesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin SparkOptions sparkOptions;
  @Mixin OverwriteOption overwrite;

  @Option(names = "--model", paramLabel = "PATH", description = "Model directory (required).")
  String model;

  @Option(names = "--input", paramLabel = "CSV", description = "Rows to predict (required).")
  String input;

  @Option(names = "--output", paramLabel = "PATH", description = "Where predictions go (required).")
  String output;

  @Option(
      names = "--format",
      defaultValue = "csv",
      converter = FormatConverter.class,
      description = "csv or parquet (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--cassandra-host",
      paramLabel = "H",
      description = "Also write table sales_forecast_by_store on this Cassandra node.")
  String cassandraHost;

  @Option(
      names = "--cassandra-port",
      paramLabel = "P",
      defaultValue = "9042",
      description = "Cassandra CQL port (default: ${DEFAULT-VALUE}).")
  int cassandraPort;

  @Option(
      names = "--keyspace",
      paramLabel = "K",
      description = "Keyspace of the forecast table, created when missing (with --cassandra-host).")
  String keyspace;

  @Override
  public Integer call() {
    SalesPredictionOptions options = options();
    SparkSettings settings = sparkOptions.settings("lambda-retail predict-sales");
    // a wrong model directory or a missing column is invalid input: say so before Spark starts
    Configuration conf = settings.hadoopConfiguration();
    SalesModelStore.requireSalesModel(conf, options.model());
    SalesCsv.requirePredictionColumns(conf, options.input());
    overwrite.check(conf, "--output", options.output(), SalesPredictionJob.OUTPUT_KIND);
    SparkSession spark = SparkSessions.create(settings);
    Summaries.emit(spec, common, new SalesPredictionJob(spark, options).run().toSummary());
    return ExitCodes.OK;
  }

  SalesPredictionOptions options() {
    return new SalesPredictionOptions(model, input, output, format, cassandra());
  }

  private SalesForecastTable.Target cassandra() {
    if (cassandraHost == null && keyspace == null) {
      return null;
    }
    if (cassandraHost == null || keyspace == null) {
      throw Errors.invalid(
          cassandraHost == null ? "--keyspace" : "--cassandra-host",
          cassandraHost == null ? keyspace : cassandraHost,
          "--cassandra-host and --keyspace go together; pass both to write to Cassandra.");
    }
    return new SalesForecastTable.Target(cassandraHost, cassandraPort, keyspace);
  }

  /** Accepts csv or parquet in any case. */
  static final class FormatConverter implements ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      return Format.parse(value);
    }
  }
}
