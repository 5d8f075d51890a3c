package io.lambdaretail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

  /** Each kind of secret named in the issue, as a Spark (--conf) or Kafka (--kafka) setting. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--conf | spark.hadoop.fs.azure.account.key.shop.dfs.core.windows.net",
        "--conf | spark.hadoop.fs.s3a.encryption.key",
        "--conf | spark.hadoop.fs.s3a.server-side-encryption.key",
        "--kafka | ssl.keystore.key",
        "--kafka | ssl.key.password",
        "--kafka | sasl.oauthbearer.client.credentials.client.secret"
      })
  void eachKindOfSecretIsRefusedOnTheCommandLineAndMaskedFromTheFile(String option, String key)
      throws Exception {
    String value = "v4lue-" + Math.abs(key.hashCode());
    String[] stream = {
      "stream", "--bootstrap", "k:9092", "--topics", "a", "--lake", "l", "--checkpoint", "c"
    };
    String[] given =
        java.util.stream.Stream.concat(
                java.util.Arrays.stream(stream),
                java.util.stream.Stream.of(option, key + "=" + value))
            .toArray(String[]::new);

    assertThat(run(given)).as("exit code").isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(err.toString()).contains(option + " " + key + " is a secret").doesNotContain(value);
    assertThat(err.toString().lines()).as("stderr lines").hasSize(1);

    Path config = dir.resolve("secret.properties");
    String fileKey = option.equals("--kafka") ? "stream.kafka." + key : key;
    Files.writeString(config, fileKey + "=" + value + "\n");
    String[] printed =
        java.util.stream.Stream.concat(
                java.util.Arrays.stream(stream),
                java.util.stream.Stream.of("--config", config.toString(), "--print-config"))
            .toArray(String[]::new);
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);

    assertThat(run(printed)).as("exit code; err: %s", err).isZero();
    assertThat(out.toString()).contains("******").doesNotContain(value);
  }
}
