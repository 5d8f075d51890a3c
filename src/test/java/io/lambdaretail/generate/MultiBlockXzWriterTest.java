package io.lambdaretail.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.SeekableFileInputStream;
import org.tukaani.xz.SeekableXZInputStream;
import org.tukaani.xz.XZInputStream;

class MultiBlockXzWriterTest {
  @TempDir Path dir;

  @Test
  void endsABlockEveryBlockSizeBytesAtExactPositions() throws IOException {
    byte[] content = ndjson(10_000);
    Path file = write(content, 1024, 6);

    try (SeekableXZInputStream in =
        new SeekableXZInputStream(new SeekableFileInputStream(file.toFile()))) {
      int blocks = (content.length + 1023) / 1024;
      assertThat(in.getBlockCount()).as("blocks").isEqualTo(blocks);
      for (int i = 0; i < blocks; i++) {
        assertThat(in.getBlockPos(i)).as("uncompressed start of block %s", i).isEqualTo(i * 1024L);
      }
      assertThat(in.length()).as("uncompressed length").isEqualTo(content.length);
      assertThat(in.readAllBytes()).as("seekable round trip").isEqualTo(content);
    }
    try (InputStream in = new XZInputStream(Files.newInputStream(file))) {
      assertThat(in.readAllBytes()).as("sequential round trip").isEqualTo(content);
    }
  }

  @Test
  void seekingIntoALaterBlockReadsTheSameBytes() throws IOException {
    byte[] content = ndjson(5_000);
    Path file = write(content, 2048, 1);
    try (SeekableXZInputStream in =
        new SeekableXZInputStream(new SeekableFileInputStream(file.toFile()))) {
      in.seekToBlock(2);
      byte[] tail = in.readAllBytes();
      assertThat(tail)
          .as("bytes from block 2 on")
          .isEqualTo(java.util.Arrays.copyOfRange(content, 4096, content.length));
    }
  }

  @Test
  void contentOfExactlyNBlocksHasNoEmptyTrailingBlock() throws IOException {
    byte[] content = ndjson(4096);
    content = java.util.Arrays.copyOf(content, 4096);
    Path file = write(content, 1024, 0);
    assertThat(GeneratedFiles.blockCount(file)).as("blocks").isEqualTo(4);
    try (InputStream in = new XZInputStream(Files.newInputStream(file))) {
      assertThat(in.readAllBytes()).as("round trip").isEqualTo(content);
    }
  }

  @Test
  void emptyContentIsAValidStreamWithoutBlocks() throws IOException {
    Path file = write(new byte[0], 1024, 6);
    assertThat(GeneratedFiles.blockCount(file)).as("blocks").isZero();
    try (InputStream in = new XZInputStream(Files.newInputStream(file))) {
      assertThat(in.readAllBytes()).as("content").isEmpty();
    }
  }

  @Test
  void singleByteWritesGiveTheSameStreamAsBulkWrites() throws IOException {
    byte[] content = ndjson(3000);
    ByteArrayOutputStream bulk = new ByteArrayOutputStream();
    try (MultiBlockXzWriter xz = new MultiBlockXzWriter(bulk, 1000, 1)) {
      xz.write(content, 0, content.length);
    }
    ByteArrayOutputStream single = new ByteArrayOutputStream();
    try (MultiBlockXzWriter xz = new MultiBlockXzWriter(single, 1000, 1)) {
      for (byte b : content) {
        xz.write(b);
      }
      assertThat(xz.blocks()).as("blocks counted").isEqualTo((content.length + 999) / 1000);
    }
    assertThat(single.toByteArray()).as("same stream").isEqualTo(bulk.toByteArray());
    try (InputStream in = new XZInputStream(new ByteArrayInputStream(bulk.toByteArray()))) {
      assertThat(in.readAllBytes()).as("round trip").isEqualTo(content);
    }
  }

  @Test
  void dictionaryIsCutToTheBlockSize() throws IOException {
    assertThat(MultiBlockXzWriter.options(1024, 6).getDictSize())
        .as("smallest dictionary")
        .isEqualTo(LZMA2Options.DICT_SIZE_MIN);
    assertThat(MultiBlockXzWriter.options(1 << 20, 6).getDictSize())
        .as("block-sized dictionary")
        .isEqualTo(1 << 20);
    assertThat(MultiBlockXzWriter.options(1L << 30, 6).getDictSize())
        .as("preset dictionary when blocks are larger")
        .isEqualTo(new LZMA2Options(6).getDictSize());
  }

  @Test
  void rejectsANonPositiveBlockSize() {
    assertThatThrownBy(() -> new MultiBlockXzWriter(new ByteArrayOutputStream(), 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blockSize must be at least 1");
  }

  @Test
  void autoBlockSizeIsAQuarterOfTheFileWithinBounds() {
    assertThat(EventFiles.blockSize(0, 100)).as("floor").isEqualTo(1024);
    assertThat(EventFiles.blockSize(0, 10_001)).as("quarter, rounded up").isEqualTo(2501);
    assertThat(EventFiles.blockSize(0, 1L << 30)).as("ceiling").isEqualTo(8L << 20);
    assertThat(EventFiles.blockSize(4096, 100)).as("explicit").isEqualTo(4096);
  }

  @Test
  void theXzCommandLineToolSeesTheBlocks() throws Exception {
    Path file = write(ndjson(10_000), 4096, 6);
    Process process;
    try {
      process =
          new ProcessBuilder("xz", "--robot", "--list", "-vv", file.toString())
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      Assumptions.abort("no xz command line tool: " + e.getMessage());
      return;
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("xz finished").isTrue();
    assertThat(process.exitValue()).as("xz exit code, output: %s", output).isZero();
    List<String> blocks = output.lines().filter(l -> l.startsWith("block\t")).toList();
    assertThat(blocks).as("blocks listed by xz --list").hasSize(3);
  }

  private Path write(byte[] content, long blockSize, int preset) throws IOException {
    Path file = dir.resolve("test-" + blockSize + "-" + content.length + ".xz");
    EventFiles.writeXz(file, content, blockSize, preset);
    return file;
  }

  /** Realistic-looking lines, so block boundaries fall inside lines. */
  private static byte[] ndjson(int approximateBytes) {
    SplittableRandom rng = new SplittableRandom(7);
    StringBuilder sb = new StringBuilder();
    while (sb.length() < approximateBytes) {
      sb.append("{\"product_id\":\"p")
          .append(rng.nextInt(1000))
          .append("\",\"timestamp\":")
          .append(1_700_000_000_000L + rng.nextInt(1_000_000))
          .append("}\n");
    }
    return sb.toString().getBytes(StandardCharsets.US_ASCII);
  }
}
