package io.lambdaretail.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.lit;

import io.lambdaretail.config.Errors;
import io.lambdaretail.ingest.IngestOptions.WriteMode;
import io.lambdaretail.io.xz.XzCodec;
import io.lambdaretail.spark.Schemas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingests event dumps ({@code .ndjson.xz}, {@code .gz}, {@code .bz2} or plain) into a Parquet or
 * Delta table partitioned by {@code event_date}, and bad lines into a quarantine table.
 *
 * <p>One pass over the input: the files are cut into read units ({@link InputPlanner}; a
 * multi-block xz file gives many, so one big file is read by many tasks) packed into about two
 * tasks per core; each task streams its lines with their offsets, parses them, hands good rows to
 * the table writer and spools bad ones ({@link PartitionProcessor}); counts come back through an
 * accumulator. The spool then becomes the quarantine table. No shuffle: the cost is decompression,
 * JSON parsing and Parquet encoding, spread over {@code spark.default.parallelism} cores.
 */
public final class IngestJob {
  private static final Logger LOG = LoggerFactory.getLogger(IngestJob.class);
  private static final StructType SPOOL =
      new StructType()
          .add("file", DataTypes.StringType)
          .add("file_id", DataTypes.StringType)
          .add("position", DataTypes.LongType)
          .add("raw", DataTypes.StringType)
          .add("reason", DataTypes.StringType);

  private final SparkSession spark;
  private final IngestOptions options;

  public IngestJob(SparkSession spark, IngestOptions options) {
    this.spark = spark;
    this.options = options;
  }

  public IngestResult run() {
    long started = System.currentTimeMillis();
    spark
        .sparkContext()
        .setJobDescription(
            "ingest "
                + options.source().cliName()
                + " from "
                + options.input()
                + " to "
                + options.output());
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    XzCodec.register(conf);
    requireFreshPathsForErrorIfExists(conf);
    int cores = spark.sparkContext().defaultParallelism();
    List<ReadUnit> units =
        InputPlanner.plan(
            conf, options.input(), 2 * cores, spark.sessionState().conf().filesMaxPartitionBytes());
    List<List<ReadUnit>> bins = InputPlanner.pack(units, 2 * cores);
    LOG.info(
        "ingest {}: {} read units in {} tasks",
        options.source().cliName(),
        units.size(),
        bins.size());

    Path spool = spoolDir(conf);
    IngestStatsAccumulator stats = new IngestStatsAccumulator();
    spark.sparkContext().register(stats, "ingest-stats");
    try {
      // read, parse, write the table; bad lines and counts come back on the side
      Dataset<Row> good = goodRows(bins, spool, stats, conf);
      if (options.maxBadRatio() < 1) {
        writeGuarded(good, conf, () -> result(units, bins.size(), stats.value(), 0), spool);
      } else {
        writer(good, Schemas.EVENT_DATE).save(options.output());
      }
      writeQuarantine(quarantineRows(spool, conf), units, conf);
      IngestOutputs.mark(conf, options);
      IngestResult result =
          result(units, bins.size(), stats.value(), System.currentTimeMillis() - started);
      if (result.inputLines() > 0 && result.quarantined() == result.inputLines()) {
        throw tooManyBad(result, "every line was bad", spool, conf, true);
      }
      return result;
    } finally {
      delete(spool, conf);
    }
  }

  /**
   * With a --max-bad-ratio guard, the good rows go to a staging directory first and reach the table
   * only when the ratio holds: a run above it changes neither the table nor the quarantine. Costs
   * one more write and read of the good rows (Parquet), so only a guarded run pays it.
   */
  private void writeGuarded(
      Dataset<Row> good,
      Configuration conf,
      java.util.function.Supplier<IngestResult> counts,
      Path spool) {
    Path staging = sibling(new Path(options.output()), "staging");
    try {
      good.write()
          .mode("errorifexists")
          .partitionBy(Schemas.EVENT_DATE)
          .parquet(staging.toString());
      IngestResult staged = counts.get();
      if (staged.badRatio() > options.maxBadRatio()) {
        throw tooManyBad(
            staged,
            String.format(
                Locale.ROOT,
                "above --max-bad-ratio %s; nothing was written",
                options.maxBadRatio()),
            spool,
            conf,
            false);
      }
      StructType schema = options.source().table();
      Dataset<Row> rows =
          spark
              .read()
              .schema(schema)
              .parquet(staging.toString())
              .select(
                  java.util.Arrays.stream(schema.fieldNames())
                      .map(org.apache.spark.sql.functions::col)
                      .toArray(org.apache.spark.sql.Column[]::new));
      writer(rows, Schemas.EVENT_DATE).save(options.output());
    } finally {
      delete(staging, conf);
    }
  }

  private Dataset<Row> goodRows(
      List<List<ReadUnit>> bins, Path spool, IngestStatsAccumulator stats, Configuration conf) {
    PartitionProcessor processor =
        new PartitionProcessor(
            new SerializableConf(conf), new LineParser(options.source()), spool.toString(), stats);
    JavaRDD<Row> rows =
        JavaSparkContext.fromSparkContext(spark.sparkContext())
            .parallelize(bins, Math.max(1, bins.size()))
            .mapPartitions(processor::process);
    return spark.createDataFrame(rows, options.source().table());
  }

  private Dataset<Row> quarantineRows(Path spool, Configuration conf) {
    Dataset<Row> spooled =
        exists(spool, conf)
            ? spark.read().schema(SPOOL).json(spool.toString())
            : spark.createDataFrame(List.of(), SPOOL);
    return spooled.select(
        lit(options.source().cliName()).as("source"),
        col("file"),
        col("position"),
        col("raw"),
        col("reason"),
        current_timestamp().as("ingested_at"),
        col("file_id"));
  }

  /**
   * Reruns replace the quarantine rows of the files they read, and only those, also for a file that
   * has no bad line any more: Delta in one commit (replaceWhere on the partition columns), Parquet
   * by dropping those files' partitions and appending.
   */
  private void writeQuarantine(Dataset<Row> rows, List<ReadUnit> units, Configuration conf) {
    if (options.mode() != WriteMode.OVERWRITE_PARTITIONS) {
      writer(rows, "source", "file_id").save(options.quarantine());
      return;
    }
    String source = options.source().cliName();
    List<String> ids = units.stream().map(u -> FileIds.of(u.file())).distinct().toList();
    DataFrameWriter<Row> w =
        rows.write()
            .format(options.format().sparkName())
            .option("compression", options.compression().name().toLowerCase(Locale.ROOT))
            .partitionBy("source", "file_id");
    if (options.format() == IngestOptions.Format.DELTA) {
      // ids are hex and the source an enum name: nothing from data enters the predicate
      w.mode("overwrite")
          .option(
              "replaceWhere",
              "source = '" + source + "' AND file_id IN ('" + String.join("','", ids) + "')")
          .save(options.quarantine());
      return;
    }
    for (String id : ids) {
      delete(new Path(options.quarantine(), "source=" + source + "/file_id=" + id), conf);
    }
    w.mode("append").save(options.quarantine());
  }

  private DataFrameWriter<Row> writer(Dataset<Row> rows, String... partitionBy) {
    DataFrameWriter<Row> w =
        rows.write()
            .format(options.format().sparkName())
            .option("compression", options.compression().name().toLowerCase(Locale.ROOT))
            .partitionBy(partitionBy);
    if (options.mode() == WriteMode.APPEND) {
      return w.mode("append");
    }
    if (options.mode() == WriteMode.ERROR_IF_EXISTS) {
      return w.mode("errorifexists");
    }
    return w.mode("overwrite").option("partitionOverwriteMode", "dynamic");
  }

  /** Every listed file appears in the counts, an empty one with zeros. */
  private IngestResult result(List<ReadUnit> units, int tasks, IngestStats stats, long durationMs) {
    Map<String, long[]> perFile = new TreeMap<>();
    units.forEach(u -> perFile.put(u.file(), new long[2]));
    perFile.putAll(stats.perFile());
    List<IngestResult.FileCounts> files = new ArrayList<>();
    perFile.forEach((f, c) -> files.add(new IngestResult.FileCounts(f, c[0], c[0] - c[1], c[1])));
    return new IngestResult(options, files, tasks, stats.minDate(), stats.maxDate(), durationMs);
  }

  /** The failure, with the commonest reasons read from the spool (the quarantine's rows). */
  private IngestFailedException tooManyBad(
      IngestResult result, String verdict, Path spool, Configuration conf, boolean quarantined) {
    StringBuilder reasons = new StringBuilder();
    if (exists(spool, conf)) {
      for (Row r :
          spark
              .read()
              .schema(SPOOL)
              .json(spool.toString())
              .groupBy("reason")
              .count()
              .orderBy(col("count").desc(), col("reason"))
              .limit(2)
              .collectAsList()) {
        reasons
            .append(reasons.length() == 0 ? "" : "; ")
            .append(r.getLong(1))
            .append(" x ")
            .append(Errors.printable(String.valueOf(r.get(0))));
      }
    }
    return new IngestFailedException(
        String.format(
            Locale.ROOT,
            "%d of %d input lines (%.4f) were bad, %s (%s)%s",
            result.quarantined(),
            result.inputLines(),
            result.badRatio(),
            verdict,
            reasons,
            quarantined ? "; they are in " + options.quarantine() : ""));
  }

  /**
   * Checked up front so that error-if-exists never leaves the table written but not the quarantine.
   */
  private void requireFreshPathsForErrorIfExists(Configuration conf) {
    if (options.mode() != WriteMode.ERROR_IF_EXISTS) {
      return;
    }
    for (String path : List.of(options.output(), options.quarantine())) {
      if (exists(new Path(path), conf)) {
        throw Errors.invalid(
            "--mode",
            "error-if-exists",
            "'" + path + "' already exists. Choose a new path or --mode overwrite-partitions.");
      }
    }
  }

  /** Beside the quarantine table, not inside it, so error-if-exists still sees a fresh path. */
  private Path spoolDir(Configuration conf) {
    return sibling(new Path(options.quarantine()), "spool");
  }

  private static Path sibling(Path path, String what) {
    String name = "_" + path.getName() + "_" + what + "_" + UUID.randomUUID();
    Path parent = path.getParent();
    return parent == null ? new Path(name) : new Path(parent, name);
  }

  private static boolean exists(Path path, Configuration conf) {
    try {
      return path.getFileSystem(conf).exists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("while checking " + path, e);
    }
  }

  private static void delete(Path path, Configuration conf) {
    try {
      FileSystem fs = path.getFileSystem(conf);
      fs.delete(path, true);
    } catch (IOException e) {
      LOG.warn("could not delete {}: {}", path, e.getMessage());
    }
  }
}
