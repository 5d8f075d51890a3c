package io.lambdaretail.io.xz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.SplitCompressionInputStream;
import org.apache.hadoop.io.compress.SplittableCompressionCodec.READ_MODE;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.SeekableFileInputStream;
import org.tukaani.xz.SeekableXZInputStream;

/** The split stream's contract with LineRecordReader: positions, block limits, damage. */
class XzSplitInputStreamTest {
  private static final byte[] TEXT = XzFixtures.text(XzFixtures.lines(300, 40, 42));
  private static final long[] BLOCK_ENDS = {1000, 2000, 3000, 4000};

  @TempDir java.nio.file.Path dir;

  @Test
  void middleSplitOwnsTheBlocksStartingInIt() throws IOException {
    Path file = XzFixtures.write(dir, "data.xz", XzFixtures.xz(TEXT, BLOCK_ENDS));
    long[] headers = blockHeaders(file);
    // from inside block 0's data to exactly block 3's header: owns blocks 1 and 2
    try (SplitCompressionInputStream in = open(file, headers[0] + 1, headers[3])) {
      assertThat(in.getAdjustedStart()).as("adjusted start").isEqualTo(headers[1]);
      assertThat(in.getAdjustedEnd()).as("adjusted end").isEqualTo(headers[3]);
      assertThat(in.getPos()).as("position before reading").isEqualTo(headers[1]);

      byte[] buffer = new byte[1500];
      assertThat(in.read(buffer)).as("a read stops at the block end").isEqualTo(1000);
      assertThat(Arrays.copyOf(buffer, 1000)).isEqualTo(Arrays.copyOfRange(TEXT, 1000, 2000));
      assertThat(in.getPos()).as("position after finishing block 1").isEqualTo(headers[1]);
      assertThat(in.read(buffer)).as("block 2").isEqualTo(1000);
      assertThat(in.getPos()).as("position in block 2").isEqualTo(headers[2]);
      assertThat(in.read(buffer, 0, 10)).as("into block 3").isEqualTo(10);
      assertThat(Arrays.copyOf(buffer, 10)).isEqualTo(Arrays.copyOfRange(TEXT, 3000, 3010));
      assertThat(in.getPos()).as("position past the owned blocks").isGreaterThan(headers[3]);
    }
  }

  @Test
  void firstSplitStartsAtZeroAndLastReadsToTheEnd() throws IOException {
    byte[] xz = XzFixtures.xz(TEXT, BLOCK_ENDS);
    Path file = XzFixtures.write(dir, "data.xz", xz);
    long[] headers = blockHeaders(file);
    try (SplitCompressionInputStream in = open(file, 3, headers[1])) {
      assertThat(in.getAdjustedStart()).as("split owning block 0").isZero();
    }
    try (SplitCompressionInputStream in = open(file, headers[4], xz.length)) {
      assertThat(in.getAdjustedEnd()).as("split owning the last block").isEqualTo(xz.length);
      assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(TEXT, 4000, TEXT.length));
    }
  }

  @Test
  void splitWithoutABlockStartIsEmpty() throws IOException {
    Path file = XzFixtures.write(dir, "data.xz", XzFixtures.xz(TEXT, BLOCK_ENDS));
    long[] headers = blockHeaders(file);
    try (SplitCompressionInputStream in = open(file, headers[2] + 1, headers[3])) {
      assertThat(in.read()).as("a split inside block 2's data").isEqualTo(-1);
    }
    try (SplitCompressionInputStream in = open(file, 0, 12)) {
      assertThat(in.read()).as("a split inside the stream header").isEqualTo(-1);
    }
  }

  @Test
  void truncatedFileFailsAtOpenNamingTheIndex() throws IOException {
    byte[] xz = XzFixtures.xz(TEXT, BLOCK_ENDS);
    Path file = XzFixtures.write(dir, "cut.xz", Arrays.copyOf(xz, xz.length - 20));

    assertThatThrownBy(() -> open(file, 0, 100))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("Cannot read the index of this " + (xz.length - 20) + "-byte xz file")
        .hasMessageContaining("truncated, corrupt or not xz");
  }

  @Test
  void notXzFailsAtOpen() throws IOException {
    Path file = XzFixtures.write(dir, "plain.xz", TEXT);

    assertThatThrownBy(() -> open(file, 0, 100))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("Input is not in the XZ format");
  }

  @Test
  void damagedBlockFailsNamingIt() throws IOException {
    byte[] xz = XzFixtures.xz(TEXT, BLOCK_ENDS);
    Path good = XzFixtures.write(dir, "good.xz", xz);
    long[] headers = blockHeaders(good);
    xz[(int) headers[2] + 40] ^= 0x55;
    Path file = XzFixtures.write(dir, "bad.xz", xz);

    ByteArrayOutputStream read = new ByteArrayOutputStream();
    try (SplitCompressionInputStream in = open(file, 0, xz.length)) {
      assertThatThrownBy(() -> in.transferTo(read))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("xz block 3 of 5 (counting from 1")
          .hasMessageContaining("header at compressed offset " + headers[2])
          .hasMessageContaining("truncated or corrupt");
    }
    assertThat(Arrays.copyOf(read.toByteArray(), 2000))
        .as("the blocks before the damaged one")
        .isEqualTo(Arrays.copyOf(TEXT, 2000));
  }

  private static SplitCompressionInputStream open(Path file, long start, long end)
      throws IOException {
    Configuration conf = new Configuration();
    FSDataInputStream raw = file.getFileSystem(conf).open(file);
    return new XzCodec().createInputStream(raw, null, start, end, READ_MODE.BYBLOCK);
  }

  /** Block header offsets from tukaani over a plain file, independent of the Hadoop adapter. */
  static long[] blockHeaders(Path file) throws IOException {
    try (SeekableXZInputStream xz =
        new SeekableXZInputStream(new SeekableFileInputStream(file.toUri().getPath()))) {
      long[] headers = new long[xz.getBlockCount()];
      for (int i = 0; i < headers.length; i++) {
        headers[i] = xz.getBlockCompPos(i);
      }
      return headers;
    }
  }
}
