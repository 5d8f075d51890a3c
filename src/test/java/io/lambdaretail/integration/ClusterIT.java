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
    ClusterSubmit.Run views =
        submitOk(
            "ingest",
            "--source",
            "pdpviews",
            "--input",
            s3 + "in/pdpviews.ndjson.xz",
            "--output",
            s3 + "cluster/pdpviews");
    local(
        "ingest",
        "--source",
        "pdpviews",
        "--input",
        s3 + "in/pdpviews.ndjson.xz",
        "--output",
        s3 + "local/pdpviews");
    String transactions = gen.resolve("transactions").toString();
    submitOk(
        "ingest",
        "--source",
        "transactions",
        "--input",
        transactions,
        "--output",
        dir.resolve("cluster/transactions").toString());
    local(
        "ingest",
        "--source",
        "transactions",
        "--input",
        transactions,
        "--output",
        dir.resolve("local/transactions").toString());

    assertThat(summary(views).path("read_tasks").asInt())
        .as("read tasks of one file")
        .isGreaterThanOrEqualTo(2);
    assertThat(views.workersWithTasks())
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
    JsonNode als =
        summary(
            submitOk(
                concat(
                    new String[] {"train-als"},
                    data,
                    "--iterations",
                    "5",
                    "--model-out",
                    model("als-cluster"))));
    JsonNode alsLocal =
        summary(
            local(
                concat(
                    new String[] {"train-als"},
                    data,
                    "--iterations",
                    "5",
                    "--model-out",
                    model("als-local"))));
    JsonNode hybrid =
        summary(
            submitOk(
                concat(
                    new String[] {"train-hybrid"},
                    data,
                    "--epochs",
                    "3",
                    "--no-als",
                    "--model-out",
                    model("hybrid-cluster"))));
    JsonNode hybridLocal =
        summary(
            local(
                concat(
                    new String[] {"train-hybrid"},
                    data,
                    "--epochs",
                    "3",
                    "--no-als",
                    "--model-out",
                    model("hybrid-local"))));
    submitOk(
        "recommend",
        "--model",
        model("als-cluster"),
        "--out",
        dir.resolve("recs-cluster").toString(),
        "--format",
        "parquet",
        "--cassandra-host",
        endpoints.cassandraHost(),
        "--cassandra-port",
        String.valueOf(endpoints.cassandraPort()),
        "--keyspace",
        "cluster_recs");
    local(
        "recommend",
        "--model",
        model("als-local"),
        "--out",
        dir.resolve("recs-local").toString(),
        "--format",
        "parquet");

    assertThat(als.path("metrics"))
        .as("ALS metrics, cluster vs local[2]")
        .isEqualTo(alsLocal.path("metrics"));
    assertThat(als.path("metrics").path("precision@10").asDouble())
        .as("a model that ranks")
        .isPositive();
    assertThat(hybrid.path("metrics"))
        .as("hybrid metrics, cluster vs local[2]")
        .isEqualTo(hybridLocal.path("metrics"));
    Dataset<Row> recs =
        spark
            .read()
            .parquet(dir.resolve("recs-cluster").toString())
            .select("user_id", "rank", "product_id");
    assertSameRows(
        recs,
        spark
            .read()
            .parquet(dir.resolve("recs-local").toString())
            .select("user_id", "rank", "product_id"));
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
    String[] sales = {"train-sales", s3 + "in/sales.csv", "--iterations", "3"};
    JsonNode trained = summary(submitOk(concat(sales, "--model-out", model("sales-cluster"))));
    JsonNode trainedLocal = summary(local(concat(sales, "--model-out", model("sales-local"))));
    String input = gen.resolve("sales/sales.csv").toString();
    submitOk(
        "predict-sales",
        "--model",
        model("sales-cluster"),
        "--input",
        input,
        "--output",
        s3 + "cluster/forecast",
        "--format",
        "parquet");
    local(
        "predict-sales",
        "--model",
        model("sales-local"),
        "--input",
        input,
        "--output",
        s3 + "local/forecast",
        "--format",
        "parquet");

    assertThat(trained.path("metrics"))
        .as("holdout metrics, cluster vs local[2]")
        .isEqualTo(trainedLocal.path("metrics"));
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
    String[] source = {
      "stream", "--bootstrap", endpoints.kafkaBootstrap(), "--topics", "pdpviews", "--available-now"
    };
    String cassandraPort = String.valueOf(endpoints.cassandraPort());
    submitOk(
        concat(
            source,
            "--lake",
            dir.resolve("lake-cluster").toString(),
            "--checkpoint",
            dir.resolve("checkpoint-cluster").toString(),
            "--cassandra-host",
            endpoints.cassandraHost(),
            "--cassandra-port",
            cassandraPort,
            "--keyspace",
            "cluster_stream"));
    local(
        concat(
            source,
            "--lake",
            dir.resolve("lake-local").toString(),
            "--checkpoint",
            dir.resolve("checkpoint-local").toString(),
            "--cassandra-host",
            endpoints.cassandraHost(),
            "--cassandra-port",
            cassandraPort,
            "--keyspace",
            "local_stream"));

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

  private static JsonNode summary(ClusterSubmit.Run run) throws IOException {
    return JSON.readTree(run.out());
  }

  private static JsonNode summary(String out) throws IOException {
    return JSON.readTree(out);
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

  private static String[] concat(String[] first, String[] second, String... rest) {
    return concat(concat(first, second), rest);
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
