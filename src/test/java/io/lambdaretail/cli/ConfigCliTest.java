package io.lambdaretail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --print-config} and the rule that secrets never come from the command line. */
class ConfigCliTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void printConfigShowsCommandLineOverConfigFileOverDefaultsWithSecretsMasked() throws Exception {
    Path config = dir.resolve("env.properties");
    Files.writeString(
        config,
        String.join(
            "\n",
            "stream.lake=/from/file",
            "checkpoint=/file/checkpoint",
            "spark.hadoop.fs.s3a.secret.key=s3cr3t-value",
            "spark.sql.shuffle.partitions=8"));

    int code =
        run(
            "stream",
            "--config",
            config.toString(),
            "--print-config",
            "--bootstrap",
            "k:9092",
            "--topics",
            "a",
            "--checkpoint",
            "/cli/checkpoint");

    assertThat(code).as("exit code; err: %s", err).isZero();
    assertThat(out.toString())
        .contains("\"lake\" : \"/from/file\"")
        .contains("\"checkpoint\" : \"/cli/checkpoint\"")
        .contains("\"starting-offsets\" : \"earliest\"")
        .contains("\"spark.sql.shuffle.partitions\" : \"8\"")
        .contains("\"spark.hadoop.fs.s3a.secret.key\" : \"******\"")
        .doesNotContain("s3cr3t-value");
  }

  @Test
  void aSecretSparkSettingOnTheCommandLineIsRefused() {
    int code =
        run("catalog", "--lake", "l", "--conf", "spark.cassandra.auth.password=hunter2", "tables");

    assertThat(code).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(err.toString())
        .contains("--conf spark.cassandra.auth.password is a secret")
        .contains("put it in the --config file or the environment")
        .doesNotContain("hunter2");
  }

  @Test
  void aSecretKafkaSettingOnTheCommandLineIsRefused() {
    int code =
        run(
            "stream",
            "--bootstrap",
            "k:9092",
            "--topics",
            "a",
            "--lake",
            "l",
            "--checkpoint",
            "c",
            "--kafka",
            "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule"
                + " required username=\"u\" password=\"p4ss\";");

    assertThat(code).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(err.toString()).contains("sasl.jaas.config is a secret").doesNotContain("p4ss");
  }
}
