package io.lambdaretail.ingest;

import static io.lambdaretail.ingest.IngestFixtures.uri;
import static io.lambdaretail.ingest.IngestFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdaretail.config.PipelineConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Globs to read units; only listings are read, so the files' bytes need not be valid. */
class InputPlannerTest {
  private static final long MIB = 1L << 20;
  private static final long MAX = 128 * MIB;

  @TempDir Path dir;
  private final Configuration conf = IngestFixtures.conf();

  private static byte[] bytes(long size) {
    byte[] b = new byte[(int) size];
    new Random(size).nextBytes(b);
    return b;
  }

  @Test
  void smallFilesAreOneUnitEach() {
    Path a = write(dir, "a.ndjson", bytes(100));
    Path b = write(dir, "b.ndjson.xz", bytes(200));
    Path c = write(dir, "c.ndjson.gz", bytes(300));

    List<ReadUnit> units = InputPlanner.plan(conf, dir.toString(), 4, MAX);

    assertThat(units)
        .as("units, in file order")
        .containsExactly(
            new ReadUnit(uri(a), 0, 100, true),
            new ReadUnit(uri(b), 0, 200, true),
            new ReadUnit(uri(c), 0, 300, false));
  }

  @Test
  void globsMatchFilesAndDirectoriesSkippingHiddenFilesAndSubdirectories() throws Exception {
    Path day1 = write(dir, "2024-03-01/part-0.ndjson", bytes(10));
    Path day2 = write(dir, "2024-03-02/part-0.ndjson", bytes(20));
    write(dir, "2024-03-02/.part-0.ndjson.crc", bytes(5));
    write(dir, "2024-03-02/nested/part-9.ndjson", bytes(5));
    write(dir, "other/x.ndjson", bytes(5));

    List<ReadUnit> byGlob = InputPlanner.plan(conf, dir + "/2024-03-0*", 4, MAX);
    List<ReadUnit> byFileGlob = InputPlanner.plan(conf, dir + "/2024-*/*.ndjson", 4, MAX);

    assertThat(byGlob.stream().map(ReadUnit::file))
        .as("files of the matched directories")
        .containsExactly(uri(day1), uri(day2));
    assertThat(byFileGlob.stream().map(ReadUnit::file))
        .as("files matched by a file glob")
        .containsExactly(uri(day1), uri(day2));
  }

  @Test
  void largeXzAndPlainFilesAreCutIntoContiguousUnits() {
    long size = 3 * MIB;
    Path xz = write(dir, "big.ndjson.xz", bytes(size));

    List<ReadUnit> units = InputPlanner.plan(conf, xz.toString(), 2, MAX);

    assertThat(units).as("units of a file cut in two").hasSize(2);
    long expectedStart = 0;
    for (ReadUnit u : units) {
      assertThat(u.file()).as("file").isEqualTo(uri(xz));
      assertThat(u.splittable()).as("splittable").isTrue();
      assertThat(u.start()).as("start follows the previous unit").isEqualTo(expectedStart);
      expectedStart += u.length();
    }
    assertThat(expectedStart).as("units cover the whole file").isEqualTo(size);

    List<ReadUnit> many = InputPlanner.plan(conf, xz.toString(), 100, MAX);
    assertThat(many).as("units of at least 1 MiB: no more than 3").hasSize(3);
    List<ReadUnit> capped = InputPlanner.plan(conf, xz.toString(), 1, 2 * MIB);
    assertThat(capped).as("units of at most maxSplitBytes").hasSize(2);
    assertThat(capped.get(0).length()).as("first unit: half the file").isEqualTo((size + 1) / 2);
  }

  @Test
  void gzipAndBzip2FilesAreNeverCut() {
    Path gz = write(dir, "big.ndjson.gz", bytes(3 * MIB));
    Path bz2 = write(dir, "big.ndjson.bz2", bytes(3 * MIB));

    List<ReadUnit> units = InputPlanner.plan(conf, dir.toString(), 8, MAX);

    assertThat(units)
        .as("one whole-file unit each")
        .containsExactly(
            new ReadUnit(uri(bz2), 0, 3 * MIB, false), new ReadUnit(uri(gz), 0, 3 * MIB, false));
  }

  @Test
  void noMatchingFileIsAnInvalidInput() throws Exception {
    String glob = dir + "/*.ndjson.xz";
    assertThatThrownBy(() -> InputPlanner.plan(conf, glob, 4, MAX))
        .as("glob matching nothing")
        .isInstanceOf(PipelineConfigException.class)
        .hasMessage(
            "Invalid value '"
                + glob
                + "' for --input: no file matches. Check the path or glob, e.g."
                + " 'data/sample/pdpviews/*.ndjson.xz'.");

    Files.createDirectories(dir.resolve("empty"));
    write(dir, "empty/.hidden", bytes(3));
    assertThatThrownBy(() -> InputPlanner.plan(conf, dir.resolve("empty").toString(), 4, MAX))
        .as("directory without visible files")
        .isInstanceOf(PipelineConfigException.class)
        .hasMessageContaining("for --input: no file matches");
  }
}
