package io.lambdaretail.cli;

import io.lambdaretail.sales.SalesCsv;
import io.lambdaretail.sales.SalesModelStore;
import io.lambdaretail.sales.SalesTrainingJob;
import io.lambdaretail.sales.SalesTrainingOptions;
import io.lambdaretail.sales.SalesTrainingOptions.Regressor;
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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code train-sales}: sales CSV to a monthly sales regression model, with holdout metrics. Public
 * so that tests outside this package can register it on the command tree.
 */
@Command(
    name = "train-sales",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Trains a regression of the monthly quantity per store and product from the store sales"
          + " CSV. Rows with no store or product, an unparseable date or a non-numeric or negative"
          + " quantity go to the quarantine (Parquet) with a reason.",
      "Features: month as sin/cos, year, store and product (indexed), store and product levels"
          + " learned on training months, and the quantities of the previous 1-3 months and of"
          + " the same month last year. The last --holdout-months months are held out; the"
          + " summary compares the model with the original four-stage pipeline and with the"
          + " seasonal-naive forecast (RMSE, MAE, R2, SMAPE)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  lambda-retail train-sales data/sample/sales/sales.csv --model-out models/sales",
      "  lambda-retail train-sales s3a://bucket/uploads/sales/ --model-out s3a://bucket/models/sales \\",
      "      --regressor random-forest --holdout-months 6"
    })
public final class TrainSalesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin SparkOptions sparkOptions;
  @Mixin OverwriteOption overwrite;

  @Parameters(
      index = "0",
      paramLabel = "INPUT",
      description = "Sales CSV file or directory; local, s3a:// or hdfs:// (required).")
  String input;

  @Option(
      names = "--model-out",
      paramLabel = "PATH",
      defaultValue = SalesTrainingOptions.DEFAULT_MODEL_OUT,
      description =
          "Model directory: new, or an earlier model of this command, replaced whole on"
              + " success (default: ${DEFAULT-VALUE}).")
  String modelOut;

  @Option(
      names = "--holdout-months",
      paramLabel = "N",
      defaultValue = "3",
      description =
          "Last N months kept out of training for the metrics (default: ${DEFAULT-VALUE}).")
  int holdoutMonths;

  @Option(
      names = "--regressor",
      defaultValue = "gbt",
      converter = RegressorConverter.class,
      description = "gbt, random-forest or linear (default: ${DEFAULT-VALUE}).")
  Regressor regressor;

  @Option(
      names = "--quarantine",
      paramLabel = "PATH",
      description = "Where rejected rows go, Parquet (default: <model-out>_quarantine).")
  String quarantine;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Random seed of the tree ensembles (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--iterations",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Boosting iterations (gbt, default 30), trees (random-forest, default 40) or solver"
              + " iterations (linear, default 50).")
  int iterations;

  @Override
  public Integer call() {
    SalesTrainingOptions options = options();
    SparkSettings settings = sparkOptions.settings("lambda-retail train-sales");
    // a missing column is invalid input: say so before Spark starts
    Configuration conf = settings.hadoopConfiguration();
    SalesCsv.requireTrainingColumns(conf, options.input());
    overwrite.check(conf, "--model-out", options.modelOut(), SalesModelStore.KIND);
    overwrite.check(conf, "--quarantine", options.quarantine(), SalesTrainingJob.QUARANTINE_KIND);
    SparkSession spark = SparkSessions.create(settings);
    Summaries.emit(spec, common, new SalesTrainingJob(spark, options).run().toSummary());
    return ExitCodes.OK;
  }

  SalesTrainingOptions options() {
    return new SalesTrainingOptions(
        input, modelOut, holdoutMonths, regressor, quarantine, seed, iterations);
  }

  /** Accepts the kebab-case names shown in the help. */
  static final class RegressorConverter implements ITypeConverter<Regressor> {
    @Override
    public Regressor convert(String value) {
      return Regressor.parse(value);
    }
  }
}
