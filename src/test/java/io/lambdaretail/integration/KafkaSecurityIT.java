package io.lambdaretail.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lambdaretail.cli.Main;
import io.lambdaretail.testing.ChildJvm;
import io.lambdaretail.testing.LocalServices;
import io.lambdaretail.testing.SecureEndpoints;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code produce} and {@code stream --available-now} through the broker's SASL_PLAINTEXT listener
 * (mechanism PLAIN), the credentials in the {@code --config} file: a wrong password fails the
 * stream with exit 1 and one line, and no password reaches any log line or summary. And {@code
 * stream} through the SASL_SSL listener with the JAAS config and the trust store's password from
 * the environment.
 */
@ExtendWith(LocalServices.Kafka.class)
class KafkaSecurityIT {
  private static final int RECORDS = 40;
  private static final String WRONG = "not-the-password-9f3e";

  @TempDir Path dir;

  @Test
  void streamReadsThroughSaslWithCredentialsFromTheConfigFileAndNeverLogsThem() throws Exception {
    SecureEndpoints sasl = SecureEndpoints.read();
    String topic = "secure_" + UUID.randomUUID().toString().substring(0, 6);
    Path good = config(sasl.kafkaUser(), sasl.kafkaPassword());
    produce(sasl, topic, good);

    Path log = dir.resolve("stream.log");
    Path metrics = dir.resolve("stream.json");
    int code =
        runStream(
            log,
            Map.of(),
            sasl.kafkaSaslBootstrap(),
            topic,
            good,
            dir.resolve("ok"),
            "--metrics-out",
            metrics.toString());

    String output = Files.readString(log);
    assertThat(code).as("exit code; output:%n%s", output).isZero();
    JsonNode summary = new ObjectMapper().readTree(metrics.toFile());
    assertThat(summary.path("tables").path("raw").asLong()).as("raw rows").isEqualTo(RECORDS);
    assertThat(summary.path("tables").path(topic).asLong()).as("typed rows").isEqualTo(RECORDS);
    assertThat(output + Files.readString(metrics))
        .as("the password appears in no log line nor the summary")
        .doesNotContain(sasl.kafkaPassword());
  }

  @Test
  void aWrongPasswordFailsWithExitOneAndOneLineThatDoesNotEchoIt() throws Exception {
    SecureEndpoints sasl = SecureEndpoints.read();
    String topic = "secure_" + UUID.randomUUID().toString().substring(0, 6);
    produce(sasl, topic, config(sasl.kafkaUser(), sasl.kafkaPassword()));

    Path log = dir.resolve("wrong.log");
    int code =
        runStream(
            log,
            Map.of(),
            sasl.kafkaSaslBootstrap(),
            topic,
            config(sasl.kafkaUser(), WRONG),
            dir.resolve("bad"));

    String output = Files.readString(log);
    List<String> errors = output.lines().filter(l -> l.startsWith("error:")).toList();
    assertThat(code).as("exit code; output:%n%s", output).isEqualTo(1);
    assertThat(errors)
        .as("one error line; output:%n%s", output)
        .singleElement()
        .asString()
        .containsIgnoringCase("authentication failed");
    assertThat(output).as("no log line echoes the password").doesNotContain(WRONG);
    assertThat(dir.resolve("bad/lake/raw")).as("nothing written").doesNotExist();
  }

  @Test
  void streamReadsThroughSaslSslWithSecretsFromTheEnvironment() throws Exception {
    SecureEndpoints sasl = SecureEndpoints.read();
    String topic = "secure_" + UUID.randomUUID().toString().substring(0, 6);
    produce(sasl, topic, config(sasl.kafkaUser(), sasl.kafkaPassword()));
    Path tls = dir.resolve("tls.properties");
    Files.write(
        tls,
        List.of(
            "stream.kafka.security.protocol=SASL_SSL",
            "stream.kafka.sasl.mechanism=PLAIN",
            "stream.kafka.ssl.truststore.type=PKCS12",
            "stream.kafka.ssl.truststore.location=" + sasl.kafkaTruststore(),
            "spark.ui.enabled=false",
            "spark.sql.shuffle.partitions=2"),
        StandardCharsets.UTF_8);
    Map<String, String> env =
        Map.of(
            "LR_KAFKA_SASL_JAAS_CONFIG",
            SecureEndpoints.plainJaas(sasl.kafkaUser(), sasl.kafkaPassword()),
            "LR_KAFKA_SSL_TRUSTSTORE_PASSWORD",
            sasl.kafkaTruststorePassword());

    Path log = dir.resolve("tls.log");
    Path metrics = dir.resolve("tls.json");
    int code =
        runStream(
            log,
            env,
            sasl.kafkaSaslSslBootstrap(),
            topic,
            tls,
            dir.resolve("tls"),
            "--metrics-out",
            metrics.toString());

    String output = Files.readString(log);
    assertThat(code).as("exit code; output:%n%s", output).isZero();
    JsonNode summary = new ObjectMapper().readTree(metrics.toFile());
    assertThat(summary.path("tables").path(topic).asLong()).as("typed rows").isEqualTo(RECORDS);
    assertThat(output)
        .as("neither secret is logged")
        .doesNotContain(sasl.kafkaPassword())
        .doesNotContain(sasl.kafkaTruststorePassword());
  }

  /** A --config file with the SASL settings of both commands that talk to Kafka. */
  private Path config(String user, String password) throws Exception {
    String jaas = SecureEndpoints.plainJaas(user, password).replace("\"", "\\\"");
    List<String> lines = new ArrayList<>();
    for (String command : List.of("stream", "produce")) {
      lines.add(command + ".kafka.security.protocol=SASL_PLAINTEXT");
      lines.add(command + ".kafka.sasl.mechanism=PLAIN");
      lines.add(command + ".kafka.sasl.jaas.config=" + jaas);
    }
    lines.add("spark.ui.enabled=false");
    lines.add("spark.sql.shuffle.partitions=2");
    Path file = Files.createTempFile(dir, "kafka-", ".properties");
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  private void produce(SecureEndpoints sasl, String topic, Path config) throws Exception {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < RECORDS; i++) {
      values.add(
          ServingFixtures.view("u" + i % 5, "b" + i % 5, "p" + i % 7, "2026-11-23T08:00:00Z"));
    }
    Path file = dir.resolve(topic + ".ndjson");
    Files.write(file, values, StandardCharsets.UTF_8);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(out),
            new PrintWriter(err),
            "produce",
            "--config",
            config.toString(),
            "--bootstrap",
            sasl.kafkaSaslBootstrap(),
            "--topic",
            topic,
            "--input",
            file.toString());
    assertThat(code).as("produce through SASL; err: %s", err).isZero();
    assertThat(out.toString() + err).doesNotContain(sasl.kafkaPassword());
  }

  private static int runStream(
      Path log,
      Map<String, String> env,
      String bootstrap,
      String topic,
      Path config,
      Path run,
      String... extra)
      throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "stream",
                "--config",
                config.toString(),
                "--bootstrap",
                bootstrap,
                "--topics",
                topic,
                "--lake",
                run.resolve("lake").toString(),
                "--checkpoint",
                run.resolve("checkpoint").toString(),
                "--available-now",
                "--master",
                "local[2]"));
    args.addAll(List.of(extra));
    Process process = ChildJvm.start(log, env, args.toArray(String[]::new));
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("stream ended").isTrue();
    return process.exitValue();
  }
}
