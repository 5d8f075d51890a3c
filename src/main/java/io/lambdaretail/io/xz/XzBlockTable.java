package io.lambdaretail.io.xz;

import org.tukaani.xz.SeekableXZInputStream;

/**
 * The block table of an xz file, read from its index: for each block in file order (over all
 * concatenated streams) the compressed offset of its header and its uncompressed start and size.
 */
final class XzBlockTable {
  private final SeekableXZInputStream xz;

  XzBlockTable(SeekableXZInputStream xz) {
    this.xz = xz;
  }

  int count() {
    return xz.getBlockCount();
  }

  /** Offset in the file of the block's header. */
  long compressedStart(int block) {
    return xz.getBlockCompPos(block);
  }

  long uncompressedStart(int block) {
    return xz.getBlockPos(block);
  }

  long uncompressedEnd(int block) {
    return xz.getBlockPos(block) + xz.getBlockSize(block);
  }

  /** The first block whose header starts at or after {@code offset}, or {@link #count()}. */
  int firstStartingAtOrAfter(long offset) {
    int lo = 0;
    int hi = count();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (compressedStart(mid) < offset) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
