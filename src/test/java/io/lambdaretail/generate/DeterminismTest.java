package io.lambdaretail.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterminismTest {
  @TempDir Path dir;

  @Test
  void sameSeedGivesByteIdenticalOutputWhateverTheThreadCount() throws IOException {
    GenerateOptions base = GeneratedFiles.options(dir.resolve("a"), 400, 60, 3, 7);
    GenerateOptions withBadLines = GeneratedFiles.withBadRatio(base, 0.05);
    new GenerateJob(GeneratedFiles.withThreads(withBadLines, dir.resolve("a"), 1)).run();
    new GenerateJob(GeneratedFiles.withThreads(withBadLines, dir.resolve("b"), 1)).run();
    new GenerateJob(GeneratedFiles.withThreads(withBadLines, dir.resolve("c"), 3)).run();

    assertSameFiles(dir.resolve("a"), dir.resolve("b"));
    assertSameFiles(dir.resolve("a"), dir.resolve("c"));
  }

  @Test
  void anotherSeedGivesOtherData() throws IOException {
    new GenerateJob(GeneratedFiles.options(dir.resolve("a"), 400, 60, 2, 7)).run();
    new GenerateJob(GeneratedFiles.options(dir.resolve("b"), 400, 60, 2, 8)).run();
    List<Path> files = GeneratedFiles.listFiles(dir.resolve("a"));
    assertThat(GeneratedFiles.listFiles(dir.resolve("b"))).as("same layout").isEqualTo(files);
    for (Path file : files) {
      assertThat(Files.readAllBytes(dir.resolve("b").resolve(file)))
          .as("content of %s", file)
          .isNotEqualTo(Files.readAllBytes(dir.resolve("a").resolve(file)));
    }
  }

  @Test
  void badLinesDoNotShiftTheGoodEvents() throws IOException {
    GenerateOptions clean = GeneratedFiles.options(dir.resolve("clean"), 300, 40, 1, 9);
    GenerateOptions dirty =
        GeneratedFiles.withThreads(
            GeneratedFiles.withBadRatio(clean, 0.2), dir.resolve("dirty"), 2);
    new GenerateJob(clean).run();
    new GenerateJob(dirty).run();
    List<String> good = GeneratedFiles.xzLines(dir.resolve("clean/pdpviews"));
    List<String> mixed = GeneratedFiles.xzLines(dir.resolve("dirty/pdpviews"));
    assertThat(mixed).as("same number of lines").hasSameSizeAs(good);
    long same = 0;
    for (int i = 0; i < good.size(); i++) {
      same += good.get(i).equals(mixed.get(i)) ? 1 : 0;
    }
    assertThat((double) same / good.size()).as("unchanged lines").isBetween(0.75, 0.85);
  }

  private static void assertSameFiles(Path expected, Path actual) throws IOException {
    List<Path> files = GeneratedFiles.listFiles(expected);
    assertThat(GeneratedFiles.listFiles(actual)).as("files under %s", actual).isEqualTo(files);
    for (Path file : files) {
      assertThat(Files.readAllBytes(actual.resolve(file)))
          .as("bytes of %s", file)
          .isEqualTo(Files.readAllBytes(expected.resolve(file)));
    }
  }
}
