package io.lambdaretail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdaretail.config.ConfigResolver;
import io.lambdaretail.config.PipelineConfigException;
import io.lambdaretail.stream.StreamOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Where security settings come from: {@code --kafka} entries from the config file merged with the
 * command line's, and secrets from the environment below the config file.
 */
class SecretSourcesTest {
  private static final String JAAS =
      "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\""
          + " password=\"%s\";";
  private static final String[] STREAM = {
    "stream", "--bootstrap", "k:9092", "--topics", "a", "--lake", "l", "--checkpoint", "c"
  };

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private Path config(String... lines) throws Exception {
    Path file = dir.resolve("secrets.properties");
    Files.writeString(file, String.join("\n", lines));
    return file;
  }

  private static String[] with(String[] base, String... more) {
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  /** Parses like Main.run, with the given environment, and returns the stream command. */
  private StreamCommand parse(Map<String, String> env, String... args) {
    ConfigResolver resolver = ConfigResolver.fromArgs(env, args);
    CommandLine cli =
        Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), resolver);
    resolver.validateKeys(cli);
    CommandLine.ParseResult parsed = cli.parseArgs(args);
    return (StreamCommand) parsed.subcommand().commandSpec().userObject();
  }

  @Test
  void kafkaEntriesComeFromTheConfigFileMergedWithTheCommandLine() throws Exception {
    Path file =
        config(
            "stream.kafka.security.protocol=SASL_PLAINTEXT",
            "kafka.sasl.mechanism=PLAIN",
            "stream.kafka.sasl.jaas.config=" + JAAS.formatted("from-file").replace("\"", "\\\""),
            "kafka.client.id=bare");

    StreamOptions options =
        parse(Map.of(), with(STREAM, "--config", file.toString(), "--kafka", "client.id=cli"))
            .options();

    assertThat(options.kafkaOptions())
        .containsEntry("security.protocol", "SASL_PLAINTEXT")
        .containsEntry("sasl.mechanism", "PLAIN")
        .containsEntry("sasl.jaas.config", JAAS.formatted("from-file"))
        .as("the command line wins entry by entry")
        .containsEntry("client.id", "cli");
  }

  @Test
  void theEnvironmentSuppliesSecretsAndTheConfigFileWinsOverIt() throws Exception {
    Path file = config("spark.cassandra.auth.password=from-file");
    Map<String, String> env =
        Map.of(
            "LR_CASSANDRA_USERNAME", "env-user",
            "LR_CASSANDRA_PASSWORD", "from-env",
            "LR_KAFKA_SASL_JAAS_CONFIG", JAAS.formatted("env-pass"));

    StreamCommand command = parse(env, with(STREAM, "--config", file.toString()));

    assertThat(command.options().kafkaOptions())
        .containsEntry("sasl.jaas.config", JAAS.formatted("env-pass"));
    assertThat(command.sparkOptions.settings("t").conf())
        .containsEntry("spark.cassandra.auth.username", "env-user")
        .containsEntry("spark.cassandra.auth.password", "from-file");
  }

  @Test
  void printConfigShowsKafkaEntriesFromTheFileWithSecretsMasked() throws Exception {
    Path file =
        config(
            "stream.kafka.security.protocol=SASL_SSL",
            "stream.kafka.ssl.truststore.password=tr0st",
            "stream.kafka.sasl.jaas.config=" + JAAS.formatted("p4ss").replace("\"", "\\\""));

    int code =
        Main.run(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            with(STREAM, "--config", file.toString(), "--print-config"));

    assertThat(code).as("exit code; err: %s", err).isZero();
    assertThat(out.toString())
        .contains("\"kafka.security.protocol\" : \"SASL_SSL\"")
        .contains("\"kafka.sasl.jaas.config\" : \"******\"")
        .contains("\"kafka.ssl.truststore.password\" : \"******\"")
        .doesNotContain("p4ss")
        .doesNotContain("tr0st");
  }

  @Test
  void aMistypedOptionPrefixIsStillAnUnknownKey() throws Exception {
    Path file = config("stream.kafkaa.security.protocol=SSL");

    Assertions.assertThatThrownBy(() -> parse(Map.of(), with(STREAM, "--config", file.toString())))
        .isInstanceOf(PipelineConfigException.class)
        .hasMessageContaining("stream.kafkaa.security.protocol");
  }
}
