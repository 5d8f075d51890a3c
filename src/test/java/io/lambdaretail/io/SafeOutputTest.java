package io.lambdaretail.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdaretail.config.PipelineConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeOutputTest {
  private static final Configuration CONF = new Configuration();
  @TempDir Path dir;

  private static void check(Path path, String kind, boolean overwrite) {
    SafeOutput.check(CONF, "--out", path.toString(), kind, overwrite);
  }

  @Test
  void aNewPathAnEmptyDirectoryAndAnEarlierOutputOfTheKindAreSafe() throws IOException {
    check(dir.resolve("new"), "recommendations", false);
    check(Files.createDirectory(dir.resolve("empty")), "recommendations", false);
    Path earlier = Files.createDirectory(dir.resolve("earlier"));
    Files.writeString(earlier.resolve(SafeOutput.MARKER), "{\"kind\": \"recommendations\"}");
    Files.writeString(earlier.resolve("part-0.parquet"), "x");
    check(earlier, "recommendations", false);
    // a model written before markers: its metadata.json names the kind
    Path model = Files.createDirectory(dir.resolve("model"));
    Files.writeString(model.resolve("metadata.json"), "{\"kind\": \"als\", \"rank\": 10}");
    check(model, "als", false);
  }

  @Test
  void anotherKindAUsersFilesOrARegularFileNeedOverwrite() throws IOException {
    Path model = Files.createDirectory(dir.resolve("model"));
    Files.writeString(model.resolve("metadata.json"), "{\"kind\": \"sales-regression\"}");
    Path mine = Files.createDirectory(dir.resolve("mine"));
    Files.writeString(mine.resolve("notes.txt"), "keep me");
    Files.writeString(mine.resolve("metadata.json"), "not json at all");
    Path file = Files.writeString(dir.resolve("file.csv"), "a,b\n");

    assertThatThrownBy(() -> check(model, "als", false))
        .isInstanceOf(PipelineConfigException.class)
        .hasMessageContaining("it holds an output of kind 'sales-regression'")
        .hasMessageContaining("pass --overwrite");
    assertThatThrownBy(() -> check(mine, "als", false))
        .hasMessageContaining("it holds 2 entries this command did not write")
        .hasMessageContaining("notes.txt");
    assertThatThrownBy(() -> check(file, "als", false)).hasMessageContaining("it is a file");
    for (Path p : new Path[] {model, mine, file}) {
      assertThatCode(() -> check(p, "als", true)).doesNotThrowAnyException();
    }
  }

  @Test
  void theWorkingAndHomeDirectoriesTheirParentsTheRootAndLakesAreNeverOutputs() throws IOException {
    Path cwd = Path.of(System.getProperty("user.dir"));
    Path lake = Files.createDirectories(dir.resolve("lake/raw/_delta_log"));
    Path table = Files.createDirectories(dir.resolve("table/_delta_log"));
    Stream.of(
            cwd,
            cwd.getParent(),
            Path.of(System.getProperty("user.home")),
            Path.of("/"),
            lake.getParent().getParent(),
            table.getParent())
        .forEach(
            p ->
                assertThatThrownBy(() -> check(p, "recommendations", true))
                    .as("%s", p)
                    .isInstanceOf(PipelineConfigException.class)
                    .hasMessageContaining("for --out"));
    assertThatThrownBy(() -> SafeOutput.check(CONF, "--out", ".", "recommendations", true))
        .hasMessageContaining("it is the working directory");
  }

  @Test
  void aTableCommandAddsToItsOwnTablesAndLegacyPartitionDirectoriesOnly() throws IOException {
    Path legacy = Files.createDirectories(dir.resolve("views/event_date=2024-01-01"));
    Files.writeString(legacy.getParent().resolve("_SUCCESS"), "");
    SafeOutput.checkTable(
        CONF, "--output", legacy.getParent().toString(), "ingest-x", "event_date");
    Path other = Files.createDirectories(dir.resolve("other/event_date=2024-01-01"));
    Files.writeString(other.getParent().resolve(SafeOutput.MARKER), "{\"kind\": \"ingest-y\"}");
    Path users = Files.createDirectories(dir.resolve("users/photos"));
    for (Path p : new Path[] {other.getParent(), users.getParent()}) {
      assertThatThrownBy(
              () -> SafeOutput.checkTable(CONF, "--output", p.toString(), "ingest-x", "event_date"))
          .hasMessageContaining("choose a new path")
          .hasMessageNotContaining("--overwrite");
    }
  }

  @Test
  void replacingGoesThroughASiblingAndAFailedWriteLeavesTheOldOutputWhole() throws IOException {
    Path out = dir.resolve("recs");
    SafeOutput.replace(
        CONF, out.toString(), "recommendations", "recommend", d -> write(d, "first"));
    assertThat(Files.readString(out.resolve("data.txt"))).isEqualTo("first");
    assertThat(Files.readString(out.resolve(SafeOutput.MARKER)))
        .contains("\"kind\":\"recommendations\"")
        .contains("\"command\":\"recommend\"");

    java.util.function.Consumer<String> failing =
        d -> {
          write(d, "half");
          throw new IllegalStateException("executor lost");
        };
    assertThatThrownBy(
            () -> SafeOutput.replace(CONF, out.toString(), "recommendations", "recommend", failing))
        .hasMessage("executor lost");
    assertThat(Files.readString(out.resolve("data.txt"))).isEqualTo("first");
    try (Stream<Path> siblings = Files.list(dir)) {
      assertThat(siblings).containsExactly(out);
    }

    SafeOutput.replace(
        CONF, out.toString(), "recommendations", "recommend", d -> write(d, "second"));
    assertThat(Files.readString(out.resolve("data.txt"))).isEqualTo("second");
    try (Stream<Path> siblings = Files.list(dir)) {
      assertThat(siblings).containsExactly(out);
    }
  }

  @Test
  void replacingNeverTouchesALakeWhoeverCallsIt() throws IOException {
    Path lake = Files.createDirectories(dir.resolve("lake/raw/_delta_log")).getParent().getParent();
    Path log = Files.writeString(lake.resolve("raw/_delta_log/0.json"), "{}");

    assertThatThrownBy(
            () ->
                SafeOutput.replace(
                    CONF, lake.toString(), "recommendations", "recommend", d -> write(d, "x")))
        .isInstanceOf(PipelineConfigException.class)
        .hasMessageContaining("it holds a Delta table or a lake");
    assertThat(Files.readString(log)).isEqualTo("{}");
    try (Stream<Path> siblings = Files.list(dir)) {
      assertThat(siblings).containsExactly(lake);
    }
  }

  private static void write(String dir, String text) {
    try {
      Files.createDirectories(Path.of(dir));
      Files.writeString(Path.of(dir, "data.txt"), text);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
