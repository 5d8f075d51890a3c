package io.lambdaretail.io.xz;

import java.io.IOException;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.tukaani.xz.SeekableXZInputStream;

/**
 * The block table of one xz file, read from its index, for readers that work block by block: it
 * maps the keys of Hadoop's {@code LineRecordReader} back to uncompressed offsets and finds where
 * to resume after a damaged block.
 *
 * <p>{@code LineRecordReader} keys a line of a split by the split's adjusted start (the compressed
 * offset of its first block, 0 for the split owning block 0) plus the uncompressed bytes read since
 * that block's start; adding the block's uncompressed start gives the line's true offset.
 */
public final class XzBlocks {
  private final long[] compressedStart;
  private final long[] uncompressedStart;

  private XzBlocks(long[] compressedStart, long[] uncompressedStart) {
    this.compressedStart = compressedStart;
    this.uncompressedStart = uncompressedStart;
  }

  /** Reads the index of {@code file}; fails with an IOException when it is unreadable. */
  public static XzBlocks read(FileSystem fs, Path file) throws IOException {
    try (FSDataInputStream in = fs.open(file);
        SeekableXZInputStream xz =
            new SeekableXZInputStream(
                new HadoopSeekableInput(in, fs.getFileStatus(file).getLen()))) {
      XzBlockTable table = new XzBlockTable(xz);
      int n = table.count();
      long[] comp = new long[n];
      long[] uncomp = new long[n];
      for (int i = 0; i < n; i++) {
        comp[i] = table.compressedStart(i);
        uncomp[i] = table.uncompressedStart(i);
      }
      return new XzBlocks(comp, uncomp);
    }
  }

  public int count() {
    return compressedStart.length;
  }

  /** The first block whose header starts at or after {@code offset}, or {@link #count()}. */
  public int firstStartingAtOrAfter(long offset) {
    int lo = 0;
    int hi = count();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (compressedStart[mid] < offset) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The block holding uncompressed offset {@code offset} (the last block for offsets past it). */
  public int containing(long offset) {
    int lo = 0;
    int hi = count() - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (uncompressedStart[mid] <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  public long compressedStart(int block) {
    return compressedStart[block];
  }

  /**
   * The uncompressed offset of the line {@code LineRecordReader} keyed {@code key} in a split whose
   * first block is {@code firstBlock}.
   */
  public long uncompressedOffset(int firstBlock, long key) {
    if (firstBlock >= count()) {
      return key;
    }
    long adjustedStart = firstBlock == 0 ? 0 : compressedStart[firstBlock];
    return uncompressedStart[firstBlock] + (key - adjustedStart);
  }
}
