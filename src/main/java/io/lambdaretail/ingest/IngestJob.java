package io.lambdaretail.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sha1;
import static org.apache.spark.sql.functions.substring;

import io.lambdaretail.ingest.IngestOptions.WriteMode;
import io.lambdaretail.io.xz.XzCodec;
import io.lambdaretail.spark.Schemas;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingests event dumps ({@code .ndjson.xz}, {@code .gz}, {@code .bz2} or plain) into a Parquet or
 * Delta table partitioned by {@code event_date}, and bad lines into a quarantine table.
 *
 * <p>Plan: list the input files and cut them into read units ({@link InputPlanner}; a multi-block
 * xz file gives many units, so one big file is read by many tasks); each task streams its lines
 * with their offsets ({@link UnitReader}) and parses them ({@link LineParser}). The parsed rows are
 * cached once (memory and disk) so that the table, the quarantine and the per-file counts come from
 * one read of the input; writing the table is the only shuffle-free full pass after it.
 */
public final class IngestJob {
  private static final Logger LOG = LoggerFactory.getLogger(IngestJob.class);

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
        .setJobDescription("ingest " + options.source().cliName() + " from " + options.input());
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    XzCodec.register(conf);
    // about two units per core, none larger than Spark's maxPartitionBytes
    List<ReadUnit> units =
        InputPlanner.plan(
            conf,
            options.input(),
            2 * spark.sparkContext().defaultParallelism(),
            spark.sessionState().conf().filesMaxPartitionBytes());
    LOG.info(
        "ingest {}: {} read tasks over {}",
        options.source().cliName(),
        units.size(),
        options.input());

    Dataset<Row> parsed = parse(units, conf).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      // read once: counts per file and the event date range come from the cached rows
      List<IngestResult.FileCounts> files = countPerFile(parsed);
      Row dates = parsed.agg(min(Schemas.EVENT_DATE), max(Schemas.EVENT_DATE)).first();
      writeTable(parsed);
      writeQuarantine(parsed);
      IngestResult result =
          new IngestResult(
              options,
              files,
              units.size(),
              String.valueOf(dates.get(0)),
              String.valueOf(dates.get(1)),
              System.currentTimeMillis() - started);
      failIfTooManyBad(result);
      return result;
    } finally {
      parsed.unpersist();
    }
  }

  private Dataset<Row> parse(List<ReadUnit> units, Configuration conf) {
    SerializableConf shipped = new SerializableConf(conf);
    LineParser parser = new LineParser(options.source());
    JavaRDD<Row> rows =
        JavaSparkContext.fromSparkContext(spark.sparkContext())
            .parallelize(units, Math.max(1, units.size()))
            .mapPartitions(
                (Iterator<ReadUnit> it) -> {
                  UnitReader reader = new UnitReader(shipped.get());
                  return new ConcatIterator<>(
                      new MappedIterator<>(
                          it, unit -> new MappedIterator<>(reader.read(unit), parser::parse)));
                });
    return spark.createDataFrame(rows, LineParser.schema(options.source()));
  }

  private List<IngestResult.FileCounts> countPerFile(Dataset<Row> parsed) {
    List<IngestResult.FileCounts> files = new ArrayList<>();
    for (Row r :
        parsed
            .groupBy(LineParser.FILE)
            .agg(count(lit(1)).as("n"), count(LineParser.REASON).as("bad"))
            .orderBy(LineParser.FILE)
            .collectAsList()) {
      long n = r.getLong(1);
      long bad = r.getLong(2);
      files.add(new IngestResult.FileCounts(r.getString(0), n, n - bad, bad));
    }
    return files;
  }

  private void writeTable(Dataset<Row> parsed) {
    Column[] columns =
        java.util.Arrays.stream(options.source().table().fieldNames())
            .map(c -> col(c))
            .toArray(Column[]::new);
    Dataset<Row> good = parsed.filter(col(LineParser.REASON).isNull()).select(columns);
    writer(good, Schemas.EVENT_DATE).save(options.output());
  }

  private void writeQuarantine(Dataset<Row> parsed) {
    Dataset<Row> bad =
        parsed
            .filter(col(LineParser.REASON).isNotNull())
            .select(
                lit(options.source().cliName()).as("source"),
                col(LineParser.FILE).as("file"),
                col(LineParser.POSITION).as("position"),
                col(LineParser.RAW).as("raw"),
                col(LineParser.REASON).as("reason"),
                current_timestamp().as("ingested_at"),
                // reruns replace the quarantine rows of the files they read, and only those
                substring(sha1(col(LineParser.FILE)), 1, 12).as("file_id"));
    writer(bad, "source", "file_id").save(options.quarantine());
  }

  private DataFrameWriter<Row> writer(Dataset<Row> rows, String... partitionBy) {
    DataFrameWriter<Row> w =
        rows.write()
            .format(options.format().sparkName())
            .option("compression", options.compression().name().toLowerCase(java.util.Locale.ROOT))
            .partitionBy(partitionBy);
    if (options.mode() == WriteMode.APPEND) {
      return w.mode("append");
    }
    if (options.mode() == WriteMode.ERROR_IF_EXISTS) {
      return w.mode("errorifexists");
    }
    return w.mode("overwrite").option("partitionOverwriteMode", "dynamic");
  }

  private void failIfTooManyBad(IngestResult result) {
    if (result.badRatio() > options.maxBadRatio()) {
      throw new IngestFailedException(
          String.format(
              java.util.Locale.ROOT,
              "%d of %d input lines (%.4f) were bad, above --max-bad-ratio %s; they are in %s",
              result.quarantined(),
              result.inputLines(),
              result.badRatio(),
              options.maxBadRatio(),
              options.quarantine()));
    }
  }
}
