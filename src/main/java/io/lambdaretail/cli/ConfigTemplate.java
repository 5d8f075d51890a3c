package io.lambdaretail.cli;

import io.lambdaretail.config.ConfigResolver;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Writes {@code conf/<env>.properties}: every option of every command, with its description and
 * default, commented out unless the environment sets it. Generated from the command tree, so the
 * files cannot fall behind the options; {@code ConfigFilesTest} checks they did not.
 *
 * <p>Usage: {@code LR_MAIN_CLASS=io.lambdaretail.cli.ConfigTemplate scripts/lambda-retail local >
 * conf/local.properties} (or {@code emr})
 */
public final class ConfigTemplate {
  /** Options that make no sense in a file: the file itself, help, one-off flags. */
  static final Set<String> NOT_IN_FILES =
      Set.of("config", "print-config", "help", "version", "metrics-out", "stacktrace");

  private ConfigTemplate() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    String env = args.length == 0 ? "local" : args[0];
    out.print(template(env));
    out.flush();
  }

  static String template(String env) {
    Environment e = Environment.of(env);
    CommandLine root =
        Main.commandLine(
            new PrintWriter(PrintWriter.nullWriter()),
            new PrintWriter(PrintWriter.nullWriter()),
            ConfigResolver.empty());
    StringBuilder b = new StringBuilder();
    e.header().forEach(line -> b.append("# ").append(line).append('\n'));
    b.append(
            "# Precedence: command-line flag > this file > built-in default. Keys: <command>.<option>\n")
        .append("# (one command) or <option> (every command that has it); spark.* keys are Spark\n")
        .append(
            "# settings (--conf overrides them). Unknown keys are rejected. Secrets (passwords,\n")
        .append(
            "# keys, JAAS configs) belong here or in the environment, never on the command line.\n")
        .append(
            "# Generated: LR_MAIN_CLASS=io.lambdaretail.cli.ConfigTemplate scripts/lambda-retail ")
        .append(env)
        .append('\n');
    for (Map.Entry<String, CommandLine> c : root.getSubcommands().entrySet()) {
      if (c.getKey().equals("help")) {
        continue;
      }
      b.append("\n# --- ")
          .append(c.getKey())
          .append(' ')
          .append("-".repeat(90 - c.getKey().length()))
          .append('\n');
      for (OptionSpec o : c.getValue().getCommandSpec().options()) {
        String name = o.longestName().replaceFirst("^-+", "");
        if (NOT_IN_FILES.contains(name)) {
          continue;
        }
        String key = c.getKey() + "." + name;
        String description = o.description().length == 0 ? "" : o.description()[0];
        b.append("# ")
            .append(description.replace("${DEFAULT-VALUE}", String.valueOf(o.defaultValue())))
            .append('\n');
        String set = e.values().get(key);
        if (set != null) {
          b.append(key).append('=').append(set).append('\n');
        } else {
          b.append('#')
              .append(key)
              .append('=')
              .append(o.defaultValue() == null ? "" : o.defaultValue())
              .append('\n');
        }
      }
    }
    b.append("\n# --- Spark ").append("-".repeat(85)).append('\n');
    e.spark().forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
    b.append(
            "# Secrets, e.g. (or from the environment: LR_CASSANDRA_USERNAME, LR_CASSANDRA_PASSWORD,\n")
        .append("# LR_KAFKA_SASL_JAAS_CONFIG, ...; this file wins over the environment):\n")
        .append("#spark.cassandra.auth.username=\n#spark.cassandra.auth.password=\n")
        .append("#spark.cassandra.connection.ssl.enabled=true\n")
        .append("#spark.cassandra.connection.ssl.trustStore.path=\n")
        .append("#spark.cassandra.connection.ssl.trustStore.password=\n")
        .append("# Kafka client settings of stream and produce: <command>.kafka.<KEY>=VALUE\n")
        .append("#stream.kafka.security.protocol=SASL_SSL\n#stream.kafka.sasl.mechanism=PLAIN\n")
        .append(
            "#stream.kafka.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule")
        .append(" required username=\"USER\" password=\"PASSWORD\";\n");
    return b.toString();
  }

  /** What an environment sets on top of the defaults. */
  record Environment(List<String> header, Map<String, String> values, Map<String, String> spark) {
    static Environment of(String name) {
      Map<String, String> values = new LinkedHashMap<>();
      Map<String, String> spark = new LinkedHashMap<>();
      values.put("generate.seed", "42");
      values.put("generate.xz-preset", "1");
      switch (name) {
        case "local" -> {
          values.put("generate.scale", "small");
          spark.put("spark.sql.shuffle.partitions", "8");
          spark.put("spark.ui.enabled", "false");
          return new Environment(
              List.of(
                  "Lambda Retail configuration for a laptop run:",
                  "scripts/lambda-retail COMMAND --config conf/local.properties"),
              values,
              spark);
        }
        case "emr" -> {
          values.put("generate.scale", "medium");
          spark.put("spark.sql.adaptive.enabled", "true");
          return new Environment(
              List.of(
                  "Lambda Retail configuration for AWS EMR 7.x:",
                  "scripts/submit-emr.sh COMMAND ... (ships this file and passes --config emr.properties).",
                  "EMR sets spark.master (yarn) and the executors; only job-level settings belong here."),
              values,
              spark);
        }
        default -> throw new IllegalArgumentException("environment must be local or emr: " + name);
      }
    }
  }
}
