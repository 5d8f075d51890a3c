package io.lambdaretail.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lambdaretail.cli.ExitCodes;
import io.lambdaretail.cli.Main;
import io.lambdaretail.testing.Endpoints;
import io.lambdaretail.testing.LocalServices;
import io.lambdaretail.testing.SharedSpark;
import io.lambdaretail.testing.XzFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.XZInputStream;

/**
 * The shaded jar on a real Spark cluster: {@code scripts/submit-emr.sh} against a standalone master
 * and two workers whose executors are JVMs of their own, data on the S3 server (s3a://, as on EMR)
 * and on local disk, Cassandra and Kafka as separate servers. Each command's output equals the same
 * command's output on {@code local[2]} in this JVM. Where a closure does not serialise, a class or
 * codec is only on the driver, or a setting never reaches the executors, these fail while every
 * {@code local[*]} test passes.
 */
@ExtendWith({
  LocalServices.Spark.class,
  LocalServices.S3.class,
  LocalServices.Cassandra.class,
  LocalServices.Kafka.class,
  SharedSpark.class
})
@TestMethodOrder(OrderAnnotation.class)
class ClusterIT {
  private static final Path JAR = Path.of(System.getProperty("lr.shaded.jar"));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ALNUM =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final Set<Integer> BOTH_WORKERS =
      Set.of(LocalServices.sparkWorkerUiPort(1), LocalServices.sparkWorkerUiPort(2));

  @TempDir static Path dir;
  private static Endpoints endpoints;
  private static ClusterSubmit cluster;
  private static String s3;
  private static Path gen;

  @BeforeAll
  static void setUp(SparkSession spark) throws Exception {
    Endpoints e = LocalServices.endpoints();
    endpoints = e;
    S3Settings.apply(spark, e);
    s3 = "s3a://" + e.s3Bucket() + "/cluster-it/";
    Path events = Files.createDirectories(dir.resolve("events"));
    Path config = dir.resolve("cluster.properties");
    Files.write(
        config,
        List.of(
            "spark.hadoop.fs.s3a.endpoint=" + e.s3Endpoint(),
            "spark.hadoop.fs.s3a.endpoint.region=us-east-1",
            "spark.hadoop.fs.s3a.path.style.access=true",
            "spark.hadoop.fs.s3a.connection.ssl.enabled=false",
            "spark.hadoop.fs.s3a.aws.credentials.provider="
                + "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider",
            "spark.hadoop.fs.s3a.access.key=" + e.s3AccessKey(),
            "spark.hadoop.fs.s3a.secret.key=" + e.s3SecretKey(),
            "spark.hadoop.fs.s3a.change.detection.mode=warn",
            // one core per executor: do not hold a task back 3 s for the executor that cached
            // its input (ALS and GBT iterations), the test is about where code runs, not speed
            "spark.locality.wait=0s",
            "spark.eventLog.enabled=true",
            "spark.eventLog.dir=" + events.toUri()),
        StandardCharsets.UTF_8);
    cluster = new ClusterSubmit(JAR, config, events, e.sparkMaster());
    gen = dir.resolve("gen");
    local("generate", "--out", gen.toString(), "--scale", "tiny");
    // every page view of the generated days in ONE multi-block .xz on S3, padded with random text
    // so that it compresses to several MB: ingest splits a file into read units of 1 MB or more
    byte[] views = padded(concatenated(gen.resolve("pdpviews")));
    long[] ends = new long[7];
    for (int i = 0; i < ends.length; i++) {
      ends[i] = lineEndAfter(views, (long) views.length * (i + 1) / (ends.length + 1));
    }
    upload(spark, s3 + "in/pdpviews.ndjson.xz", XzFiles.multiBlock(views, ends));
    upload(spark, s3 + "in/sales.csv", Files.readAllBytes(gen.resolve("sales/sales.csv")));
  }

  @Test
  @Order(1)
  void ingestReadsOneMultiBlockXzOnBothWorkersFromS3AndLocalDisk(SparkSession spark)
      throws Exception {
    Both views =
        both(
            side ->
                new String[] {
                  "ingest",
                  "--source",
                  "pdpviews",
                  "--input",
                  s3 + "in/pdpviews.ndjson.xz",
                  "--output",
                  s3 + side + "/pdpviews"
                });
    both(
        side ->
            new String[] {
              "ingest",
              "--source",
              "transactions",
              "--input",
              gen.resolve("transactions").toString(),
              "--output",
              dir.resolve(side + "/transactions").toString()
            });

    assertThat(views.cluster().path("read_tasks").asInt())
        .as("read tasks of one file")
        .isGreaterThanOrEqualTo(2);
    assertThat(views.run().workersWithTasks())
        .as("workers whose executors ran tasks")
        .isEqualTo(BOTH_WORKERS);
    assertSameRows(
        spark.read().parquet(s3 + "cluster/pdpviews"), spark.read().parquet(s3 + "local/pdpviews"));
    assertThat(spark.read().parquet(s3 + "cluster/pdpviews").count())
        .as("every generated view")
        .isEqualTo(
            new String(concatenated(gen.resolve("pdpviews")), StandardCharsets.UTF_8)
                .lines()
                .count());
    assertSameRows(
        spark.read().parquet(dir.resolve("cluster/transactions").toString()),
        spark.read().parquet(dir.resolve("local/transactions").toString()));
  }

  @Test
  @Order(2)
  void trainsAlsAndHybridAndRecommendsIntoCassandraAsLocally(SparkSession spark) throws Exception {
    String[] data = {
      "--pdpviews",
      s3 + "cluster/pdpviews",
      "--transactions",
      dir.resolve("cluster/transactions").toString(),
      "--test-days",
      "2"
    };
    Both als =
        both(
            side ->
                concat(
                    concat(new String[] {"train-als"}, data),
                    "--iterations",
                    "5",
                    "--model-out",
                    model("als-" + side)));
    Both hybrid =
        both(
            side ->
                concat(
                    concat(new String[] {"train-hybrid"}, data),
                    "--epochs",
                    "3",
                    "--no-als",
                    "--model-out",
                    model("hybrid-" + side)));
    // the cluster's lists also go to Cassandra, written by its executors
    both(
        side ->
            concat(
                new String[] {
                  "recommend",
                  "--model",
                  model("als-" + side),
                  "--out",
                  dir.resolve("recs-" + side).toString(),
                  "--format",
                  "parquet"
                },
                side.equals("cluster") ? cassandra("cluster_recs") : new String[0]));

    assertThat(als.cluster().path("metrics"))
        .as("ALS metrics, cluster vs local[2]")
        .isEqualTo(als.local().path("metrics"));
    assertThat(als.cluster().path("metrics").path("precision@10").asDouble())
        .as("a model that ranks")
        .isPositive();
    assertThat(hybrid.cluster().path("metrics"))
        .as("hybrid metrics, cluster vs local[2]")
        .isEqualTo(hybrid.local().path("metrics"));
    Dataset<Row> recs = recs(spark, "cluster");
    assertSameRows(recs, recs(spark, "local"));
    try (CqlSession cql = ServingFixtures.cql(spark, endpoints)) {
      Set<String> rows = new TreeSet<>();
      cql.execute("SELECT user_id, rank, product_id FROM cluster_recs.recs_by_user")
          .forEach(r -> rows.add(r.getString(0) + "#" + r.getInt(1) + "=" + r.getString(2)));
      Set<String> expected = new TreeSet<>();
      recs.collectAsList()
          .forEach(r -> expected.add(r.getString(0) + "#" + r.getInt(1) + "=" + r.getString(2)));
      assertThat(rows).as("recs_by_user written by the executors").isEqualTo(expected);
    }
  }

  @Test
  @Order(3)
  void trainsSalesAndPredictsAsLocally(SparkSession spark) throws Exception {
    // few boosting rounds: on a cluster each is several Spark jobs, each a round trip
    Both trained =
        both(
            side ->
                new String[] {
                  "train-sales",
                  s3 + "in/sales.csv",
                  "--iterations",
                  "3",
                  "--model-out",
                  model("sales-" + side)
                });
    both(
        side ->
            new String[] {
              "predict-sales",
              "--model",
              model("sales-" + side),
              "--input",
              gen.resolve("sales/sales.csv").toString(),
              "--output",
              s3 + side + "/forecast",
              "--format",
              "parquet"
            });

    assertThat(trained.cluster().path("metrics"))
        .as("holdout metrics, cluster vs local[2]")
        .isEqualTo(trained.local().path("metrics"));
    assertSameRows(
        spark.read().parquet(s3 + "cluster/forecast"), spark.read().parquet(s3 + "local/forecast"));
  }

  @Test
  @Order(4)
  void streamsIntoDeltaAndCassandraAsLocally(SparkSession spark) throws Exception {
    local(
        "produce",
        "--bootstrap",
        endpoints.kafkaBootstrap(),
        "--topic",
        "pdpviews",
        "--generate",
        "3000",
        "--scale",
        "tiny");
    both(
        side ->
            concat(
                new String[] {
                  "stream",
                  "--bootstrap",
                  endpoints.kafkaBootstrap(),
                  "--topics",
                  "pdpviews",
                  "--available-now",
                  "--lake",
                  dir.resolve("lake-" + side).toString(),
                  "--checkpoint",
                  dir.resolve("checkpoint-" + side).toString()
                },
                cassandra(side + "_stream")));

    Dataset<Row> raw = delta(spark, "lake-cluster/raw").select("topic", "partition", "offset");
    assertThat(raw.count()).as("raw records").isEqualTo(3000);
    assertSameRows(raw, delta(spark, "lake-local/raw").select("topic", "partition", "offset"));
    assertSameRows(
        delta(spark, "lake-cluster/topics/pdpviews").drop("ingested_at"),
        delta(spark, "lake-local/topics/pdpviews").drop("ingested_at"));
    try (CqlSession cql = ServingFixtures.cql(spark, endpoints)) {
      Set<String> clusterRows = activity(cql, "cluster_stream");
      assertThat(clusterRows).as("item_activity_by_hour").isNotEmpty();
      assertThat(clusterRows).isEqualTo(activity(cql, "local_stream"));
    }
  }

  @Test
  @Order(5)
  void runsInClusterDeployModeWithDeltaFromMaven(SparkSession spark) throws Exception {
    Path metrics = dir.resolve("cluster-mode.json");
    ClusterSubmit.Run run =
        cluster.run(
            Map.of("LR_DEPLOY_MODE", "cluster", "LR_PACKAGES", "1"),
            "ingest",
            "--source",
            "transactions",
            "--input",
            gen.resolve("transactions").toString(),
            "--output",
            dir.resolve("cluster-mode/transactions").toString(),
            "--format",
            "delta",
            "--metrics-out",
            metrics.toString());

    assertThat(run.code()).as("exit code; stderr:%n%s", run.err()).isZero();
    JsonNode summary = JSON.readTree(metrics.toFile());
    assertThat(summary.path("status").asText()).as("the driver's summary").isEqualTo("ok");
    assertSameRows(
        spark.read().format("delta").load(dir.resolve("cluster-mode/transactions").toString()),
        spark.read().parquet(dir.resolve("local/transactions").toString()));
  }

  @Test
  @Order(6)
  void aTaskFailingOnAnExecutorIsOneLineExitOneAndNoModel() throws Exception {
    // a copy of the ingested table with its last data file corrupt: the executor reading it
    // throws (Parquet is strict), four times, and the job fails
    Path table = dir.resolve("corrupt/transactions");
    copy(dir.resolve("cluster/transactions"), table);
    List<Path> parts;
    try (Stream<Path> files = Files.walk(table)) {
      parts = files.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
    }
    Path last = parts.get(parts.size() - 1);
    Files.write(last, "PAR1 this is not a parquet file PAR1".getBytes(StandardCharsets.US_ASCII));
    Files.deleteIfExists(last.resolveSibling("." + last.getFileName() + ".crc"));

    ClusterSubmit.Run run =
        cluster.run(
            "train-als",
            "--transactions",
            table.toString(),
            "--pdpviews",
            s3 + "cluster/pdpviews",
            "--model-out",
            model("als-failed"));

    assertThat(run.code()).as("exit code; stderr:%n%s", run.err()).isEqualTo(ExitCodes.FAILURE);
    List<String> lines = run.err().lines().toList();
    List<String> errors = lines.stream().filter(l -> l.startsWith("error: ")).toList();
    assertThat(errors).as("one error line").hasSize(1);
    assertThat(lines.get(lines.size() - 1)).as("the last line").isEqualTo(errors.get(0));
    assertThat(dir.resolve("models/als-failed"))
        .as("no model, not even half of one")
        .doesNotExist();
  }

  /** A command's summaries on the cluster and on local[2]; {@code run} has the event log. */
  private record Both(ClusterSubmit.Run run, JsonNode cluster, JsonNode local) {}

  /**
   * Runs one command on the cluster, then on local[2] in this JVM; {@code args} is given the side
   * ({@code cluster} or {@code local}) to name its outputs by.
   */
  private static Both both(Function<String, String[]> args) throws Exception {
    ClusterSubmit.Run run = submitOk(args.apply("cluster"));
    return new Both(run, JSON.readTree(run.out()), JSON.readTree(local(args.apply("local"))));
  }

  private static String[] cassandra(String keyspace) {
    return new String[] {
      "--cassandra-host",
      endpoints.cassandraHost(),
      "--cassandra-port",
      String.valueOf(endpoints.cassandraPort()),
      "--keyspace",
      keyspace
    };
  }

  private static Dataset<Row> recs(SparkSession spark, String side) {
    return spark
        .read()
        .parquet(dir.resolve("recs-" + side).toString())
        .select("user_id", "rank", "product_id");
  }

  private static Set<String> activity(CqlSession cql, String keyspace) {
    Set<String> rows = new TreeSet<>();
    cql.execute("SELECT * FROM " + keyspace + ".item_activity_by_hour")
        .forEach(r -> rows.add(r.getFormattedContents()));
    return rows;
  }

  private static Dataset<Row> delta(SparkSession spark, String path) {
    return spark.read().format("delta").load(dir.resolve(path).toString());
  }

  /** Same rows, compared as JSON (set operations refuse map columns such as {@code extra}). */
  private static void assertSameRows(Dataset<Row> actual, Dataset<Row> expected) {
    String[] columns = actual.columns();
    Dataset<String> a = actual.toJSON();
    Dataset<String> e =
        expected.select(columns[0], Arrays.copyOfRange(columns, 1, columns.length)).toJSON();
    assertThat(a.count()).as("rows").isEqualTo(e.count()).isPositive();
    assertThat(a.exceptAll(e).count()).as("rows only on the cluster").isZero();
    assertThat(e.exceptAll(a).count()).as("rows only on local[2]").isZero();
  }

  private static String model(String name) {
    return dir.resolve("models").resolve(name).toString();
  }

  private static ClusterSubmit.Run submitOk(String... args) throws Exception {
    ClusterSubmit.Run run = cluster.run(args);
    assertThat(run.code())
        .as("%s on the cluster; stderr:%n%s", args[0], run.err())
        .isEqualTo(ExitCodes.OK);
    return run;
  }

  /** Runs a command in this JVM on the shared local[2] session; its stdout. */
  private static String local(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    assertThat(code).as("%s on local[2]: %s", args[0], err).isZero();
    return out.toString();
  }

  private static String[] concat(String[] first, String... rest) {
    List<String> all = new ArrayList<>(List.of(first));
    all.addAll(List.of(rest));
    return all.toArray(String[]::new);
  }

  private static byte[] concatenated(Path xzDir) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    List<Path> files;
    try (Stream<Path> list = Files.list(xzDir)) {
      files = list.filter(p -> p.toString().endsWith(".ndjson.xz")).sorted().toList();
    }
    for (Path f : files) {
      try (InputStream in = new XZInputStream(Files.newInputStream(f))) {
        in.transferTo(all);
      }
    }
    return all.toByteArray();
  }

  private static byte[] padded(byte[] ndjson) {
    Random random = new Random(42);
    StringBuilder out = new StringBuilder();
    for (String line : new String(ndjson, StandardCharsets.UTF_8).lines().toList()) {
      StringBuilder pad = new StringBuilder();
      for (int i = 0; i < 400; i++) {
        pad.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
      }
      out.append(line, 0, line.lastIndexOf('}')).append(",\"pad\":\"").append(pad).append("\"}\n");
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static long lineEndAfter(byte[] data, long offset) {
    long i = offset;
    while (i < data.length && data[(int) i] != '\n') {
      i++;
    }
    return Math.min(i + 1, data.length);
  }

  private static void upload(SparkSession spark, String path, byte[] bytes) throws IOException {
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
    FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
    try (OutputStream out = fs.create(p, true)) {
      out.write(bytes);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
