package io.lambdaretail.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdaretail.config.PipelineConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverwriteTest {
  @TempDir Path out;

  @Test
  void refusesToWriteOverAnEarlierRun() {
    GenerateOptions options = GeneratedFiles.options(out, 100, 30, 1, 1);
    new GenerateJob(options).run();

    assertThatThrownBy(() -> new GenerateJob(options).run())
        .isInstanceOf(PipelineConfigException.class)
        .hasMessageContaining("--out")
        .hasMessageContaining("already holds generated data")
        .hasMessageContaining("--overwrite");
  }

  @Test
  void overwriteReplacesOnlyGeneratedFiles() throws IOException {
    new GenerateJob(GeneratedFiles.options(out, 100, 30, 3, 1)).run();
    Files.writeString(out.resolve("notes.txt"), "keep me");
    Files.writeString(out.resolve("pdpviews/README.md"), "keep me too");
    Files.createDirectories(out.resolve("other"));
    Files.writeString(out.resolve("other/pdpviews-2024-01-03-0000.ndjson.xz"), "not ours");

    GenerateOptions shorter =
        GeneratedFiles.withOverwrite(GeneratedFiles.options(out, 100, 30, 3, 1), 1);
    new GenerateJob(shorter).run();

    assertThat(out.resolve("notes.txt")).as("foreign file at the root").hasContent("keep me");
    assertThat(out.resolve("pdpviews/README.md")).as("foreign file").hasContent("keep me too");
    assertThat(out.resolve("other/pdpviews-2024-01-03-0000.ndjson.xz"))
        .as("look-alike outside the data set directories")
        .exists();
    assertThat(GeneratedFiles.xzFiles(out.resolve("pdpviews")))
        .as("files of the earlier, longer run are gone")
        .hasSize(Scale.TINY.filesPerDay());
  }

  @Test
  void anEmptyOrForeignDirectoryNeedsNoOverwrite() throws IOException {
    Files.createDirectories(out.resolve("pdpviews"));
    Files.writeString(out.resolve("notes.txt"), "unrelated");
    new GenerateJob(GeneratedFiles.options(out, 100, 30, 1, 1)).run();
    assertThat(out.resolve("users.csv")).as("written").exists();
  }

  @Test
  void refusesAnOutputThatIsAFile() throws IOException {
    Path file = Files.writeString(out.resolve("plain-file"), "x");
    assertThatThrownBy(() -> new GenerateJob(GeneratedFiles.options(file, 100, 30, 1, 1)).run())
        .isInstanceOf(PipelineConfigException.class)
        .hasMessageContaining("--out '" + file + "' cannot be written")
        .hasMessageContaining("not a directory");
  }
}
