package io.lambdaretail.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lambdaretail.testing.ChildJvm;
import io.lambdaretail.testing.Endpoints;
import io.lambdaretail.testing.LocalServices;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * S3 credentials from hadoop-aws' default provider chain: the shaded jar in a JVM of its own gets
 * {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY} in its environment and no {@code
 * fs.s3a.access.key}/{@code secret.key} anywhere, and ingests {@code s3a://} to {@code s3a://};
 * with a wrong secret in the environment the same run fails with exit 1.
 */
@ExtendWith(LocalServices.S3.class)
class S3CredentialsIT {
  private static final int LINES = 50;

  @TempDir Path dir;

  @Test
  void ingestFindsTheCredentialsInTheEnvironment() throws Exception {
    Endpoints s3 = LocalServices.endpoints();
    String run = "creds-" + UUID.randomUUID();
    String root = "s3a://" + s3.s3Bucket() + "/" + run;
    upload(s3, root + "/in/views.ndjson.xz");
    Path metrics = dir.resolve("ingest.json");
    Path log = dir.resolve("ingest.log");

    int code = ingest(log, s3, s3.s3SecretKey(), root, "--metrics-out", metrics.toString());

    String output = Files.readString(log);
    assertThat(code).as("exit code; output:%n%s", output).isZero();
    JsonNode summary = new ObjectMapper().readTree(metrics.toFile());
    assertThat(summary.toString()).contains("\"written\":" + LINES);
    FileSystem fs = FileSystem.get(java.net.URI.create(root), testSideConf(s3));
    assertThat(fs.exists(new org.apache.hadoop.fs.Path(root + "/out/views")))
        .as("the table on s3a")
        .isTrue();
    assertThat(output).as("the secret key is in no log line").doesNotContain(s3.s3SecretKey());
  }

  @Test
  void aWrongSecretInTheEnvironmentFailsTheRun() throws Exception {
    Endpoints s3 = LocalServices.endpoints();
    String root = "s3a://" + s3.s3Bucket() + "/creds-" + UUID.randomUUID();
    upload(s3, root + "/in/views.ndjson.xz");
    Path log = dir.resolve("wrong.log");

    int code = ingest(log, s3, "wrong-secret-5d1c", root);

    String output = Files.readString(log);
    assertThat(code).as("exit code; output:%n%s", output).isEqualTo(1);
    assertThat(output.lines().filter(l -> l.startsWith("error:")).toList())
        .as("one error line; output:%n%s", output)
        .singleElement()
        .asString()
        .containsIgnoringCase("403");
    assertThat(output).doesNotContain("wrong-secret-5d1c");
  }

  private int ingest(Path log, Endpoints s3, String secret, String root, String... extra)
      throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "ingest",
                "--source",
                "pdpviews",
                "--input",
                root + "/in",
                "--output",
                root + "/out/views",
                "--master",
                "local[2]",
                "--conf",
                "spark.ui.enabled=false",
                "--conf",
                "spark.hadoop.fs.s3a.endpoint=" + s3.s3Endpoint(),
                "--conf",
                "spark.hadoop.fs.s3a.endpoint.region=us-east-1",
                "--conf",
                "spark.hadoop.fs.s3a.path.style.access=true",
                "--conf",
                "spark.hadoop.fs.s3a.connection.ssl.enabled=false",
                "--conf",
                "spark.hadoop.fs.s3a.change.detection.mode=warn",
                "--conf",
                "spark.hadoop.fs.s3a.attempts.maximum=1",
                "--conf",
                "spark.hadoop.fs.s3a.retry.limit=1"));
    args.addAll(List.of(extra));
    Process process =
        ChildJvm.start(
            log,
            Map.of("AWS_ACCESS_KEY_ID", s3.s3AccessKey(), "AWS_SECRET_ACCESS_KEY", secret),
            args.toArray(String[]::new));
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("ingest ended").isTrue();
    return process.exitValue();
  }

  /** The test's own client (explicit keys): only the job under test relies on the chain. */
  private static Configuration testSideConf(Endpoints s3) {
    Configuration conf = new Configuration();
    conf.set("fs.s3a.endpoint", s3.s3Endpoint());
    conf.set("fs.s3a.endpoint.region", "us-east-1");
    conf.set("fs.s3a.path.style.access", "true");
    conf.set("fs.s3a.connection.ssl.enabled", "false");
    conf.set(
        "fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
    conf.set("fs.s3a.access.key", s3.s3AccessKey());
    conf.set("fs.s3a.secret.key", s3.s3SecretKey());
    conf.set("fs.s3a.change.detection.mode", "warn");
    conf.setBoolean("fs.s3a.impl.disable.cache", true);
    return conf;
  }

  private static void upload(Endpoints s3, String target) throws Exception {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < LINES; i++) {
      text.append("{\"browser_id\":\"b")
          .append(i)
          .append("\",\"product_id\":\"p")
          .append(i % 9)
          .append("\",\"timestamp\":")
          .append(1_709_251_200_000L + i * 1000L)
          .append("}\n");
    }
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(target);
    FileSystem fs = path.getFileSystem(testSideConf(s3));
    try (OutputStream out = new XZOutputStream(fs.create(path), new LZMA2Options(1))) {
      out.write(text.toString().getBytes(StandardCharsets.UTF_8));
    }
  }
}
