package io.lambdaretail.io.xz;

import java.io.IOException;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.tukaani.xz.SeekableXZInputStream;

/**
 * Maps positions of a split xz read back to the file's uncompressed offsets. Hadoop's {@code
 * LineRecordReader} keys a line of a split by the split's adjusted start (the compressed offset of
 * its first block) plus the uncompressed bytes read since that block's start; adding the block's
 * uncompressed start gives the line's true offset in the decompressed file.
 */
public final class XzPositions {
  private final long compressedStart;
  private final long uncompressedStart;

  private XzPositions(long compressedStart, long uncompressedStart) {
    this.compressedStart = compressedStart;
    this.uncompressedStart = uncompressedStart;
  }

  /**
   * Reads the index of {@code file} and locates the first block starting at or after {@code start}.
   */
  public static XzPositions forSplit(FileSystem fs, Path file, long start) throws IOException {
    try (FSDataInputStream in = fs.open(file);
        SeekableXZInputStream xz =
            new SeekableXZInputStream(
                new HadoopSeekableInput(in, fs.getFileStatus(file).getLen()))) {
      XzBlockTable blocks = new XzBlockTable(xz);
      int first = blocks.firstStartingAtOrAfter(start);
      if (first >= blocks.count()) {
        return new XzPositions(start, 0);
      }
      // the split owning block 0 has an adjusted start of 0, so its keys count from 0
      long adjustedStart = first == 0 ? 0 : blocks.compressedStart(first);
      return new XzPositions(adjustedStart, blocks.uncompressedStart(first));
    }
  }

  /** The uncompressed offset of the line that {@code LineRecordReader} keyed {@code key}. */
  public long uncompressedOffset(long key) {
    return uncompressedStart + (key - compressedStart);
  }
}
