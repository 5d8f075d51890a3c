package io.lambdaretail.cli;

import io.lambdaretail.config.ConfigResolver;
import io.lambdaretail.config.Errors;
import io.lambdaretail.spark.SparkSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options of commands that run Spark. Mixed into those subcommands with {@code @Mixin}. */
public final class SparkOptions {
  // the forms SparkContext accepts (SparkContext.createTaskScheduler)
  private static final Pattern MASTER =
      Pattern.compile(
          "local(\\[(\\*|[1-9][0-9]*)(,\\s*[0-9]+)?])?"
              + "|local-cluster\\[\\s*[0-9]+\\s*,\\s*[0-9]+\\s*,\\s*[0-9]+\\s*]"
              + "|spark://\\S+|yarn|k8s://\\S+|mesos://\\S+");

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "Spark master, e.g. local[*], yarn. Default: what spark-submit or scripts/lambda-retail"
              + " set (spark.master), else local[*].")
  String master;

  @Option(
      names = "--conf",
      paramLabel = "KEY=VALUE",
      description = "A Spark setting, repeatable, e.g. --conf spark.sql.shuffle.partitions=64.")
  Map<String, String> conf = new LinkedHashMap<>();

  /**
   * Spark settings: the environment's and the config file's spark.* keys, overridden by --conf
   * flags.
   */
  public SparkSettings settings(String appName) {
    Map<String, String> merged = new LinkedHashMap<>();
    if (mixee.commandLine().getDefaultValueProvider() instanceof ConfigResolver resolver) {
      merged.putAll(resolver.sparkConf());
    }
    merged.putAll(ConfigResolver.entriesOf(mixee, "conf", conf));
    requireKnownMaster("--master", master);
    requireKnownMaster("spark.master", merged.get("spark.master"));
    return new SparkSettings(appName, master, merged);
  }

  /** A master URL Spark would refuse only after starting (with a long trace): refused here. */
  static void requireKnownMaster(String option, String url) {
    if (url != null && !MASTER.matcher(url.trim()).matches()) {
      throw Errors.invalid(
          option,
          url,
          "use local, local[N], local[*], local[N,RETRIES], spark://HOST:PORT, yarn, k8s://URL"
              + " or mesos://URL.");
    }
  }
}
