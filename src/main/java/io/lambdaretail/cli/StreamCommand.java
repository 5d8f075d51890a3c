package io.lambdaretail.cli;

import io.lambdaretail.config.ConfigResolver;
import io.lambdaretail.config.Errors;
import io.lambdaretail.serving.ServingOptions;
import io.lambdaretail.spark.SparkSessions;
import io.lambdaretail.spark.SparkSettings;
import io.lambdaretail.stream.StreamJob;
import io.lambdaretail.stream.StreamOptions;
import io.lambdaretail.stream.StreamOutputs;
import io.lambdaretail.stream.StreamScheduling;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stream}: Kafka topics into the lake's raw, typed and dead-letter Delta tables. */
@Command(
    name = "stream",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Reads Kafka topics with Structured Streaming and writes every record to the Delta table"
          + " <lake>/raw, each record that fits to its topic's table <lake>/topics/<topic>, and"
          + " each one that does not to <lake>/dead_letters with a reason. pdpviews, transactions"
          + " and deals use the contract schemas; other topics get a table from their records'"
          + " keys, and a column for each new key.",
      "Exactly once across crashes: restart with the same --checkpoint and every record is in"
          + " each table once. Runs until SIGTERM (finishing the current micro-batch), or with"
          + " --available-now until the topics are drained."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  lambda-retail stream --bootstrap localhost:9092 --topics pdpviews,transactions \\",
      "      --lake data/lake --checkpoint data/checkpoints/stream --available-now",
      "  lambda-retail stream --bootstrap b-1.msk:9092 --topic-pattern 'shop\\..*' \\",
      "      --lake s3a://bucket/lake --checkpoint s3a://bucket/checkpoints/stream --trigger 30s",
      "  lambda-retail stream --bootstrap localhost:9092 \\",
      "      --topics pdpviews,transactions,deals --lake data/lake \\",
      "      --checkpoint data/checkpoints/stream --trigger 1s \\",
      "      --cassandra-host 127.0.0.1 --keyspace retail \\",
      "      --item-categories data/sample/items.csv"
    })
public final class StreamCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin SparkOptions sparkOptions;

  @Option(
      names = "--bootstrap",
      paramLabel = "HOST:PORT",
      required = true,
      description = "Kafka bootstrap servers, comma-separated.")
  String bootstrap;

  @Option(
      names = "--topics",
      paramLabel = "a,b",
      split = ",",
      description = "Topics to read (or --topic-pattern).")
  List<String> topics;

  @Option(
      names = "--topic-pattern",
      paramLabel = "REGEX",
      description = "Java regex of topics to read; topics created later are picked up too.")
  String topicPattern;

  @Option(
      names = "--lake",
      paramLabel = "PATH",
      required = true,
      description = "Lake directory: raw, dead_letters, topics/<topic>.")
  String lake;

  @Option(
      names = "--checkpoint",
      paramLabel = "PATH",
      required = true,
      description = "Checkpoint directory; keep it to restart where the last run stopped.")
  String checkpoint;

  @Option(
      names = "--trigger",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Micro-batch interval, e.g. 500ms, 10s, 1m (default: 10s).")
  Duration trigger;

  @Option(
      names = "--lake-trigger",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "The lake query's interval, e.g. 1m, when the speed layer runs beside it"
              + " (--cassandra-host): a lake micro-batch costs seconds whatever its size (Delta"
              + " commits) and slows the serving tables' batches while it runs (default:"
              + " --trigger).")
  Duration lakeTrigger;

  @Option(
      names = "--available-now",
      description = "Process what the topics hold now, then exit (cron, Airflow).")
  boolean availableNow;

  @Option(
      names = "--starting-offsets",
      paramLabel = "earliest|latest",
      defaultValue = "earliest",
      description =
          "Where a new checkpoint starts (default: ${DEFAULT-VALUE}, so nothing retained is"
              + " missed); a restart always continues from the checkpoint.")
  String startingOffsets;

  @Option(
      names = "--max-offsets-per-trigger",
      paramLabel = "N",
      defaultValue = "0",
      description = "At most N records per micro-batch (default: no limit).")
  long maxOffsetsPerTrigger;

  @Option(
      names = "--optimize-every",
      paramLabel = "N",
      defaultValue = "0",
      description = "Compact (OPTIMIZE) the written tables every N micro-batches (default: never).")
  int optimizeEvery;

  @Option(
      names = "--kafka",
      paramLabel = "KEY=VALUE",
      description =
          "Kafka consumer setting, repeatable, e.g. security.protocol=SASL_SSL (passed as"
              + " kafka.<KEY>); in the --config file stream.kafka.<KEY>=VALUE. Secrets"
              + " (sasl.jaas.config, passwords) only there or in the environment.")
  Map<String, String> kafka = new LinkedHashMap<>();

  @Mixin CassandraServingOptions cassandra;

  @Option(
      names = "--cassandra-key",
      paramLabel = "TOPIC=COL[,COL]",
      description =
          "Partition key of a topic's Cassandra table, repeatable (default: kafka_topic,"
              + " kafka_partition, kafka_offset: one row per record).")
  Map<String, String> cassandraKeys = new LinkedHashMap<>();

  @Option(
      names = "--cassandra-topic-tables",
      paramLabel = "all|none|TOPIC[,TOPIC]",
      defaultValue = CassandraOptionsParser.ALL_TOPICS,
      description =
          "Which topics get a Cassandra table of their own, a row per record (default:"
              + " ${DEFAULT-VALUE}); none: only the serving tables, a fraction of the writes.")
  String cassandraTopicTables;

  @Option(
      names = "--watermark",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      defaultValue = "1h",
      description =
          "Events older than the latest event time minus this are late: they reach the lake but"
              + " not the serving tables' state, and are counted as late_events"
              + " (default: ${DEFAULT-VALUE}).")
  Duration watermark;

  @Override
  public Integer call() throws Exception {
    StreamOptions options = options();
    SparkSettings settings =
        StreamScheduling.withPools(sparkOptions.settings("lambda-retail stream"));
    StreamOutputs.check(settings.hadoopConfiguration(), options);
    StreamJob job = new StreamJob(SparkSessions.create(settings), options);
    Summaries.emit(spec, common, job.run().toSummary());
    return ExitCodes.OK;
  }

  /** Exactly one of --topics and --topic-pattern, well-formed; true for --topics. */
  private boolean checkTopics() {
    boolean hasTopics = topics != null && !topics.isEmpty();
    if (hasTopics == (topicPattern != null)) {
      throw Errors.invalid(
          "--topics/--topic-pattern",
          hasTopics ? "both" : "neither",
          "give exactly one of --topics a,b and --topic-pattern REGEX");
    }
    if (hasTopics && topics.stream().anyMatch(String::isBlank)) {
      throw Errors.invalid("--topics", String.join(",", topics), "remove the empty topic name");
    }
    if (topicPattern != null) {
      try {
        Pattern.compile(topicPattern);
      } catch (PatternSyntaxException e) {
        throw Errors.invalid("--topic-pattern", topicPattern, e.getDescription());
      }
    }
    return hasTopics;
  }

  private void checkRun() {
    if (availableNow && trigger != null) {
      throw Errors.invalid("--trigger", trigger, "--available-now runs once; drop --trigger");
    }
    if (availableNow && lakeTrigger != null) {
      throw Errors.invalid(
          "--lake-trigger", lakeTrigger, "--available-now runs once; drop --lake-trigger");
    }
    if (!startingOffsets.equals("earliest") && !startingOffsets.equals("latest")) {
      throw Errors.invalid("--starting-offsets", startingOffsets, "use earliest or latest");
    }
    if (maxOffsetsPerTrigger < 0) {
      throw Errors.invalid("--max-offsets-per-trigger", maxOffsetsPerTrigger, "use 0 or more");
    }
    if (optimizeEvery < 0) {
      throw Errors.invalid("--optimize-every", optimizeEvery, "use 0 (never) or more");
    }
  }

  StreamOptions options() {
    boolean hasTopics = checkTopics();
    checkRun();
    ServingOptions serving =
        CassandraOptionsParser.parse(
            cassandra,
            ConfigResolver.entriesOf(spec, "cassandra-key", cassandraKeys),
            watermark,
            cassandraTopicTables);
    if (hasTopics && serving != null && serving.topicTables() != null) {
      for (String t : serving.topicTables()) {
        if (!topics.contains(t)) {
          // a table chosen for a topic the stream does not read would silently stay empty
          throw Errors.invalid(
              "--cassandra-topic-tables", cassandraTopicTables, t + " is not among --topics");
        }
      }
    }
    return new StreamOptions(
        bootstrap,
        hasTopics ? List.copyOf(topics) : List.of(),
        topicPattern,
        lake,
        checkpoint,
        availableNow ? null : trigger == null ? Duration.ofSeconds(10) : trigger,
        availableNow,
        startingOffsets,
        maxOffsetsPerTrigger,
        optimizeEvery,
        Map.copyOf(ConfigResolver.entriesOf(spec, "kafka", kafka)),
        serving,
        lakeTrigger);
  }
}
