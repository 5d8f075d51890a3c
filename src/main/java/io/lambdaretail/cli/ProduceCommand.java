package io.lambdaretail.cli;

import io.lambdaretail.config.ConfigResolver;
import io.lambdaretail.config.Errors;
import io.lambdaretail.generate.Scale;
import io.lambdaretail.produce.ProduceJob;
import io.lambdaretail.produce.ProduceOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code produce}: a file's lines, or generated events, into a Kafka topic. */
@Command(
    name = "produce",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Sends each line of a file (plain, .gz or .xz; blank lines skipped), or N generated page"
          + " views or orders, as one record to a Kafka topic. Feeds the demo and the stream"
          + " benchmarks."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  lambda-retail produce --bootstrap localhost:9092 --topic deals \\",
      "      --input data/sample/deals/deals.ndjson",
      "  lambda-retail produce --bootstrap localhost:9092 --topic pdpviews --generate 1000000",
      "  lambda-retail produce --bootstrap localhost:9092 --topic transactions --generate 500 --rate 50"
    })
public final class ProduceCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(
      names = "--bootstrap",
      paramLabel = "HOST:PORT",
      required = true,
      description = "Kafka bootstrap servers.")
  String bootstrap;

  @Option(names = "--topic", paramLabel = "T", required = true, description = "Topic to send to.")
  String topic;

  @Option(names = "--input", paramLabel = "FILE", description = "File of JSON lines to send.")
  Path input;

  @Option(
      names = "--generate",
      paramLabel = "N",
      description = "Send N generated events instead of a file.")
  Long generate;

  @Option(
      names = "--events",
      paramLabel = "pdpviews|transactions",
      description =
          "What --generate makes (default: transactions for a topic named transactions, else"
              + " pdpviews).")
  String events;

  @Option(
      names = "--scale",
      defaultValue = "medium",
      description =
          "World --generate draws from, as in generate (default: ${DEFAULT-VALUE}, ~10 M views).")
  Scale scale;

  @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--rate",
      paramLabel = "R",
      defaultValue = "0",
      description = "Records per second (default: as fast as the broker takes them).")
  double rate;

  @Option(
      names = "--kafka",
      paramLabel = "KEY=VALUE",
      description =
          "Kafka producer setting, repeatable, e.g. security.protocol=SSL; in the --config file"
              + " produce.kafka.<KEY>=VALUE. Secrets only there or in the environment.")
  Map<String, String> kafka = new LinkedHashMap<>();

  @Override
  public Integer call() throws Exception {
    Summaries.emit(spec, common, new ProduceJob(options()).run());
    return ExitCodes.OK;
  }

  /** What --generate makes: --events, else orders for a topic named transactions. */
  private String events() {
    String kind =
        events != null ? events : topic.equals("transactions") ? "transactions" : "pdpviews";
    if (!kind.equals("pdpviews") && !kind.equals("transactions")) {
      throw Errors.invalid("--events", events, "use pdpviews or transactions");
    }
    return kind;
  }

  ProduceOptions options() {
    if ((input == null) == (generate == null)) {
      throw Errors.invalid(
          "--input/--generate",
          input == null ? "neither" : "both",
          "give exactly one of --input FILE and --generate N");
    }
    if (input != null && !Files.isReadable(input)) {
      throw Errors.inputNotFound("--input", input.toString());
    }
    if (generate != null && generate < 1) {
      throw Errors.mustBePositive("--generate", generate);
    }
    if (rate < 0) {
      throw Errors.invalid("--rate", rate, "use 0 (no limit) or a positive rate");
    }
    String kind = events();
    return new ProduceOptions(
        bootstrap,
        topic,
        input,
        generate == null ? 0 : generate,
        kind.equals("transactions"),
        scale,
        seed,
        rate,
        Map.copyOf(ConfigResolver.entriesOf(spec, "kafka", kafka)));
  }
}
