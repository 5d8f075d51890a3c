package io.lambdaretail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lambdaretail.config.ConfigResolver;
import io.lambdaretail.generate.Scale;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The real command line: parsing, config precedence, messages and exit codes. */
class MainTest {
  @TempDir Path tmp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void helpListsTheWorkingCommands() {
    assertThat(run("--help")).as("exit code").isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).as("root help").contains("generate").contains("Exit codes:");
  }

  @Test
  void versionNamesTheBuild() {
    assertThat(run("--version")).as("exit code").isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).as("version").contains("lambda-retail 0.").contains("Spark 3.5");
  }

  @Test
  void noCommandIsInvalidInput() {
    assertThat(run()).as("exit code").isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(err.toString()).as("stderr").startsWith("error: Missing command");
  }

  @Test
  void unknownOptionGivesOneLineAndExitCode2() {
    assertThat(run("generate", "--out", tmp.toString(), "--sclae", "tiny"))
        .as("exit code")
        .isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(err.toString().lines()).as("stderr lines").hasSize(1);
    assertThat(err.toString())
        .as("stderr")
        .contains("Unknown options: '--sclae'")
        .contains("lambda-retail generate --help");
    assertThat(out.toString()).as("stdout").isEmpty();
  }

  @Test
  void badValueNamesTheOptionAndTheFix() {
    assertThat(run("generate", "--out", tmp.toString(), "--bad-ratio", "1.5"))
        .as("exit code")
        .isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(err.toString().trim())
        .as("stderr")
        .isEqualTo("error: --bad-ratio must be a ratio between 0 and 1, cannot be: 1.5.");
  }

  @Test
  void wrongTypeIsRejectedByTheParser() {
    assertThat(run("generate", "--out", tmp.toString(), "--scale", "huge"))
        .as("exit code")
        .isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(err.toString()).as("stderr").contains("--scale").contains("huge");
  }

  @Test
  void missingOutIsInvalidInput() {
    assertThat(run("generate")).as("exit code").isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(err.toString()).as("stderr").contains("--out");
  }

  @Test
  void commandLineBeatsConfigFileBeatsDefault() throws IOException {
    Path config = tmp.resolve("test.properties");
    Files.writeString(config, "generate.scale=small\ngenerate.seed=7\nbad-ratio=0.25\n");

    GenerateCommand fromFile = parse("generate", "--config", config.toString(), "--out", "x");
    GenerateCommand fromCli =
        parse("generate", "--config", config.toString(), "--out", "x", "--seed", "9");
    GenerateCommand defaults = parse("generate", "--out", "x");

    assertThat(fromFile.options().scale()).as("scale from the file").isEqualTo(Scale.SMALL);
    assertThat(fromFile.options().users()).as("users from the file's scale").isEqualTo(10_000);
    assertThat(fromFile.options().seed()).as("seed from the file").isEqualTo(7);
    assertThat(fromFile.options().badRatio()).as("bare key from the file").isEqualTo(0.25);
    assertThat(fromCli.options().seed()).as("seed from the command line").isEqualTo(9);
    assertThat(defaults.options().seed()).as("built-in seed").isEqualTo(42);
    assertThat(defaults.options().scale()).as("built-in scale").isEqualTo(Scale.TINY);
    assertThat(defaults.options().startDate())
        .as("built-in start")
        .isEqualTo(LocalDate.of(2024, 1, 1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"conf/local.properties", "conf/emr.properties"})
  void shippedConfigFilesAreValid(String file) {
    Path config = Path.of(System.getProperty("lr.project.dir", ".")).resolve(file);
    ConfigResolver resolver = ConfigResolver.fromFile(config);
    CommandLine cli = Main.commandLine(new PrintWriter(out), new PrintWriter(err), resolver);
    resolver.validateKeys(cli);
    cli.parseArgs("generate", "--config", config.toString(), "--out", "x");
    GenerateCommand generate = (GenerateCommand) cli.getSubcommands().get("generate").getCommand();
    assertThat(generate.options().seed()).as("seed from %s", file).isEqualTo(42);
  }

  @Test
  void unknownConfigKeyIsRejectedBeforeAnythingRuns() throws IOException {
    Path config = tmp.resolve("typo.properties");
    Files.writeString(config, "generate.sclae=small\nspark.sql.shuffle.partitions=8\n");

    assertThat(run("generate", "--config", config.toString(), "--out", tmp.resolve("o").toString()))
        .as("exit code")
        .isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(err.toString()).as("stderr").contains("unknown keys [generate.sclae]");
    assertThat(tmp.resolve("o")).as("nothing written").doesNotExist();
  }

  @Test
  void missingConfigFileIsInvalidInput() {
    assertThat(run("generate", "--config", tmp.resolve("nope.properties").toString(), "--out", "x"))
        .as("exit code")
        .isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(err.toString()).as("stderr").contains("nope.properties' does not exist");
  }

  @Test
  void byteSizesAcceptSuffixes() {
    ByteSizeConverter c = new ByteSizeConverter();
    assertThat(c.convert("auto")).as("auto").isZero();
    assertThat(c.convert("64K")).as("64K").isEqualTo(65_536L);
    assertThat(c.convert("8MiB")).as("8MiB").isEqualTo(8L << 20);
    assertThat(c.convert("1000")).as("plain bytes").isEqualTo(1000L);
  }

  @Test
  void generateWritesDataAndTheSameSummaryToStdoutAndMetricsOut() throws IOException {
    Path metrics = tmp.resolve("m/generate.json");
    int code =
        run(
            "generate",
            "--out",
            tmp.resolve("data").toString(),
            "--users",
            "60",
            "--products",
            "40",
            "--days",
            "1",
            "--metrics-out",
            metrics.toString());

    assertThat(code).as("exit code; stderr: %s", err).isEqualTo(ExitCodes.OK);
    ObjectMapper json = new ObjectMapper();
    JsonNode stdout = json.readTree(out.toString());
    assertThat(stdout.path("command").asText()).as("command").isEqualTo("generate");
    assertThat(stdout.path("datasets").path("pdpviews").path("lines").asLong())
        .as("page views written")
        .isPositive();
    assertThat(json.readTree(metrics.toFile())).as("--metrics-out content").isEqualTo(stdout);
  }

  private static GenerateCommand parse(String... args) {
    CommandLine cli =
        Main.commandLine(
            new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()),
            ConfigResolver.fromArgs(args));
    cli.parseArgs(args);
    return (GenerateCommand) cli.getSubcommands().get("generate").getCommand();
  }
}
