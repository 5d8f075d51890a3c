package io.lambdaretail.ingest;

import static io.lambdaretail.ingest.IngestFixtures.uri;
import static io.lambdaretail.ingest.IngestFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.lambdaretail.ingest.IngestFixtures.Text;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lines and their uncompressed byte offsets, unit by unit, from every kind of input. */
class UnitReaderTest {
  @TempDir Path dir;
  private final UnitReader reader = new UnitReader(IngestFixtures.conf());

  /** About 90 KB of page views, some with multi-byte characters. */
  private static Text text() {
    Random random = new Random(3);
    Text text = new Text();
    for (int i = 0; i < 400; i++) {
      String line = IngestFixtures.pageView(i, random, 150);
      text.add(
          i % 7 == 0 ? line.replace("\"note\":\"", "\"note\":\"\u00e9\u263a\ud83d\ude00") : line);
    }
    return text;
  }

  private List<SourceLine> readAll(List<ReadUnit> units) {
    List<SourceLine> lines = new ArrayList<>();
    for (ReadUnit unit : units) {
      reader.read(unit).forEachRemaining(lines::add);
    }
    return lines;
  }

  /** Units of {@code size} bytes over the file. */
  private static List<ReadUnit> units(Path file, long size, boolean splittable) {
    long length = file.toFile().length();
    List<ReadUnit> units = new ArrayList<>();
    for (long start = 0; start < length; start += size) {
      units.add(new ReadUnit(uri(file), start, Math.min(size, length - start), splittable));
    }
    return units;
  }

  private static ReadUnit whole(Path file) {
    return new ReadUnit(uri(file), 0, file.toFile().length(), false);
  }

  private static List<SourceLine> expected(Path file, Text text) {
    List<SourceLine> lines = new ArrayList<>();
    for (int i = 0; i < text.size(); i++) {
      lines.add(SourceLine.of(uri(file), text.offset(i), text.line(i)));
    }
    return lines;
  }

  @ParameterizedTest(name = "units of {0} bytes")
  @ValueSource(longs = {1_000, 7_777, 1_000_000})
  void plainFileUnitsYieldEveryLineOnceAtItsOffset(long unitSize) {
    Text text = text();
    Path file = write(dir, "views.ndjson", text.bytes());

    List<SourceLine> lines = readAll(units(file, unitSize, true));

    assertThat(lines).as("lines with offsets").containsExactlyElementsOf(expected(file, text));
  }

  @Test
  void crlfLinesCountBothTerminatorBytes() {
    Path file = write(dir, "crlf.ndjson", IngestFixtures.utf8("{\"a\":1}\r\n\r\n{\"b\":22}\r\n"));

    assertThat(readAll(units(file, 1_000, true)))
        .as("lines of a CRLF file")
        .containsExactly(
            SourceLine.of(uri(file), 0, "{\"a\":1}"),
            SourceLine.of(uri(file), 9, ""),
            SourceLine.of(uri(file), 11, "{\"b\":22}"));
  }

  @Test
  void gzipFileIsReadWholeWithUncompressedOffsets() {
    Text text = text();
    Path file = write(dir, "views.ndjson.gz", IngestFixtures.gzip(text.bytes()));

    List<SourceLine> lines = readAll(List.of(whole(file)));

    assertThat(lines).as("lines with offsets").containsExactlyElementsOf(expected(file, text));
  }

  @ParameterizedTest(name = "units of {0} bytes")
  @ValueSource(longs = {2_000, 9_999, 1_000_000})
  void multiBlockXzUnitsYieldEveryLineOnceAtItsUncompressedOffset(long unitSize) {
    Text text = text();
    byte[] plain = text.bytes();
    // blocks every 4 KiB cut lines anywhere; one more block starts exactly at line 300
    byte[] xz =
        IngestFixtures.xz(plain, IngestFixtures.blockEnds(plain.length, 4096, text.offset(300)));
    Path file = write(dir, "views.ndjson.xz", xz);
    List<ReadUnit> units = units(file, unitSize, true);

    List<SourceLine> lines = readAll(units);

    assertThat(lines).as("lines with offsets").containsExactlyElementsOf(expected(file, text));
    if (units.size() > 1) {
      long unitsWithLines = units.stream().filter(u -> reader.read(u).hasNext()).count();
      assertThat(unitsWithLines).as("units that yield lines").isGreaterThan(1);
    }
  }

  @Test
  void corruptGzipIsOneErrorLine() {
    Path file = write(dir, "bad.ndjson.gz", IngestFixtures.utf8("this is not gzip\n"));

    List<SourceLine> lines = readAll(List.of(whole(file)));

    assertThat(lines).as("lines of a corrupt gzip file").hasSize(1);
    assertThat(lines.get(0).text()).as("text").isNull();
    assertThat(lines.get(0).position()).as("position").isZero();
    assertThat(lines.get(0).file()).as("file").isEqualTo(uri(file));
    assertThat(lines.get(0).error()).as("error").isNotBlank().doesNotContain("\n");
  }

  @Test
  void truncatedGzipKeepsTheLinesBeforeTheCut() {
    Text text = text();
    byte[] gz = IngestFixtures.gzip(text.bytes());
    Path file = write(dir, "cut.ndjson.gz", Arrays.copyOf(gz, gz.length / 2));

    List<SourceLine> lines = readAll(List.of(whole(file)));

    SourceLine last = lines.get(lines.size() - 1);
    List<SourceLine> good = lines.subList(0, lines.size() - 1);
    assertThat(good).as("lines before the cut").isNotEmpty();
    assertThat(good)
        .as("lines before the cut are the file's first lines")
        .containsExactlyElementsOf(expected(file, text).subList(0, good.size()));
    assertThat(last.error()).as("error after the cut").isNotBlank();
    assertThat(last.position())
        .as("error position: the last line read")
        .isEqualTo(good.get(good.size() - 1).position());
  }

  /**
   * Cut in the middle or just the last bytes: the index at the end is gone either way, so the file
   * cannot be split; the unit at 0 reads it from the start and the other units yield nothing.
   */
  @ParameterizedTest(name = "cut {0} bytes")
  @ValueSource(ints = {4, 40_000})
  void truncatedXzIsReadOnceFromTheStartUpToTheDamage(int cut) {
    Text text = text();
    byte[] plain = text.bytes();
    byte[] xz = IngestFixtures.xz(plain, IngestFixtures.blockEnds(plain.length, 4096));
    Path file = write(dir, "cut.ndjson.xz", Arrays.copyOf(xz, xz.length - cut));
    List<ReadUnit> units = units(file, 5_000, true);

    List<SourceLine> lines = readAll(units);

    for (ReadUnit later : units.subList(1, units.size())) {
      assertThat(reader.read(later).hasNext()).as("unit at %d", later.start()).isFalse();
    }
    SourceLine last = lines.get(lines.size() - 1);
    List<SourceLine> good = lines.subList(0, lines.size() - 1);
    assertThat(good)
        .as("lines before the damage, each once, at their offsets")
        .containsExactlyElementsOf(expected(file, text).subList(0, good.size()));
    assertThat(last.text()).as("error line text").isNull();
    assertThat(last.error()).as("error").contains("xz").doesNotContain("\n");
    assertThat(last.position())
        .as("error position: the last line read")
        .isEqualTo(good.get(good.size() - 1).position());
    if (cut == 4) {
      assertThat(good.size())
          .as("lines kept when only the index is cut off: every line, all blocks are intact")
          .isEqualTo(text.size());
    } else {
      long[][] blocks = IngestFixtures.blocks(xz);
      long cutAt = xz.length - cut;
      long damagedBlockStart =
          Arrays.stream(blocks).filter(b -> b[0] < cutAt).mapToLong(b -> b[1]).max().orElse(0);
      long complete =
          java.util.stream.IntStream.range(0, text.size())
              .filter(
                  i ->
                      text.offset(i) + IngestFixtures.utf8(text.line(i)).length < damagedBlockStart)
              .count();
      assertThat((long) good.size())
          .as("lines kept: at least those of the blocks before the damaged one")
          .isGreaterThanOrEqualTo(complete);
    }
  }

  /**
   * One damaged block in the middle of a file whose index is intact: the blocks after it are
   * independent and readable, so their lines must not be lost with it, even when one unit covers
   * the whole file (units are 1 MiB to 128 MiB, so that is the usual case).
   */
  @Test
  void corruptBlockLosesOnlyItsOwnLines() {
    Text text = text();
    byte[] plain = text.bytes();
    byte[] xz = IngestFixtures.xz(plain, IngestFixtures.blockEnds(plain.length, 4096));
    long[][] blocks = IngestFixtures.blocks(xz);
    int damaged = 5;
    xz[(int) (blocks[damaged][0] + blocks[damaged + 1][0]) / 2] ^= 0x55;
    Path file = write(dir, "corrupt.ndjson.xz", xz);

    List<SourceLine> lines = readAll(units(file, 1_000_000, true));

    long from = blocks[damaged][1];
    long to = blocks[damaged + 1][1];
    List<SourceLine> outside =
        expected(file, text).stream()
            .filter(
                l ->
                    l.position() + IngestFixtures.utf8(l.text()).length + 1 <= from
                        || l.position() >= to)
            .toList();
    assertThat(lines.stream().filter(l -> l.error() != null))
        .as("error lines")
        .singleElement()
        .satisfies(l -> assertThat(l.error()).as("error").contains("damaged"));
    List<SourceLine> missing = new ArrayList<>(outside);
    missing.removeAll(lines);
    assertThat(missing.size())
        .as(
            "lines of the blocks before and after the damaged block %d not read (of %d), from"
                + " offset %s",
            damaged + 1, outside.size(), missing.isEmpty() ? "-" : missing.get(0).position())
        .isZero();
  }

  /**
   * A zero-byte dump (an aborted upload, a producer that wrote nothing) has no lines; reading it
   * must not fail the task, which would fail the whole run over every other file.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"empty.ndjson", "empty.ndjson.xz", "empty.ndjson.gz"})
  void zeroByteFileYieldsNoLinesAndDoesNotFail(String name) {
    Path file = write(dir, name, new byte[0]);
    ReadUnit unit = InputPlanner.plan(IngestFixtures.conf(), file.toString(), 4, 1L << 27).get(0);

    List<SourceLine> lines = new ArrayList<>();
    org.assertj.core.api.Assertions.assertThatCode(
            () -> reader.read(unit).forEachRemaining(lines::add))
        .as("reading the zero-byte file %s", name)
        .doesNotThrowAnyException();
    assertThat(lines.stream().filter(l -> l.text() != null))
        .as("lines of the zero-byte file %s", name)
        .isEmpty();
  }
}
