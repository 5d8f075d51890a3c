package io.lambdaretail.io.xz;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.io.compress.SplitCompressionInputStream;
import org.tukaani.xz.BasicArrayCache;
import org.tukaani.xz.SeekableXZInputStream;

/**
 * The decompressed bytes of one split of an xz file, in the shape Hadoop's {@code
 * CompressedSplitLineReader} expects of a block codec (the same contract as bzip2's):
 *
 * <ul>
 *   <li>It starts at the uncompressed start of the first owned block (the first block whose header
 *       lies in {@code [start, end)}) and goes on past the owned blocks to the end of the file, so
 *       the reader can finish the line that crosses the split end. It is empty when no block is
 *       owned.
 *   <li>A read never returns bytes of two blocks, so the reader sees the position change exactly
 *       when it first takes a byte of a new block, never when it has only finished the old one. A
 *       split whose last line ends exactly at a block boundary therefore reads one more line, which
 *       is the line the next split skips.
 *   <li>{@link #getPos()} is the compressed start of the block the last bytes came from while that
 *       block is owned (at most {@link #getAdjustedEnd()} minus one), and that start plus one once
 *       it is past the owned blocks, so it always exceeds the adjusted end there.
 *   <li>{@link #getAdjustedStart()} is 0 for the split owning block 0 (so its first line is kept)
 *       and the first owned block's header offset otherwise (its first line is skipped); {@link
 *       #getAdjustedEnd()} is the header offset of the first block not owned, or the file length.
 * </ul>
 */
final class XzSplitInputStream extends SplitCompressionInputStream {
  private final SeekableXZInputStream xz;
  private final XzBlockTable blocks;
  private final int firstNotOwned;
  private final byte[] single = new byte[1];
  private int block;
  private long blockEnd;
  private long position;
  private long reportedPos;

  /** A split that owns no block: it has no bytes. */
  private XzSplitInputStream(InputStream raw, long start) throws IOException {
    super(raw, start, start);
    this.xz = null;
    this.blocks = null;
    this.firstNotOwned = 0;
    this.reportedPos = start + 1;
  }

  private XzSplitInputStream(
      InputStream raw,
      SeekableXZInputStream xz,
      XzBlockTable blocks,
      int first,
      int firstNotOwned,
      long adjustedEnd)
      throws IOException {
    super(raw, first == 0 ? 0 : blocks.compressedStart(first), adjustedEnd);
    this.xz = xz;
    this.blocks = blocks;
    this.firstNotOwned = firstNotOwned;
    this.block = first;
    this.position = blocks.uncompressedStart(first);
    this.blockEnd = blocks.uncompressedEnd(first);
    this.reportedPos = blocks.compressedStart(first);
    xz.seekToBlock(first);
  }

  /** Opens the split {@code [start, end)} of the xz file that {@code raw} reads. */
  static XzSplitInputStream open(InputStream raw, long start, long end) throws IOException {
    HadoopSeekableInput input = new HadoopSeekableInput(raw, end);
    long fileLength = input.length();
    if (fileLength == 0) {
      return new XzSplitInputStream(raw, start);
    }
    SeekableXZInputStream xz = openIndex(input);
    XzBlockTable blocks = new XzBlockTable(xz);
    int first = blocks.firstStartingAtOrAfter(start);
    int firstNotOwned = blocks.firstStartingAtOrAfter(end);
    if (first == firstNotOwned) {
      return new XzSplitInputStream(raw, start);
    }
    long adjustedEnd =
        firstNotOwned < blocks.count() ? blocks.compressedStart(firstNotOwned) : fileLength;
    return new XzSplitInputStream(raw, xz, blocks, first, firstNotOwned, adjustedEnd);
  }

  @Override
  public int read() throws IOException {
    return read(single, 0, 1) < 0 ? -1 : single[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (xz == null || !enterBlockWithBytesLeft()) {
      return -1;
    }
    int n;
    try {
      n = xz.read(b, off, (int) Math.min(len, blockEnd - position));
    } catch (IOException e) {
      throw damagedBlock(e);
    }
    if (n <= 0) {
      throw damagedBlock(new EOFException("the block ends before the size its index records"));
    }
    position += n;
    return n;
  }

  @Override
  public long getPos() {
    return reportedPos;
  }

  @Override
  public void resetState() {
    throw new UnsupportedOperationException(
        "An xz split stream cannot be reset; open a new one through XzCodec");
  }

  @Override
  public void close() throws IOException {
    try {
      if (xz != null) {
        xz.close();
      }
    } finally {
      super.close();
    }
  }

  /** Moves to the next block with data once the current one is used up; false at the end. */
  private boolean enterBlockWithBytesLeft() {
    while (position >= blockEnd) {
      if (block + 1 >= blocks.count()) {
        return false;
      }
      block++;
      blockEnd = blocks.uncompressedEnd(block);
      reportedPos = reportedPosition(block);
    }
    return true;
  }

  private long reportedPosition(int b) {
    long blockStart = blocks.compressedStart(b);
    return b < firstNotOwned ? blockStart : blockStart + 1;
  }

  private IOException damagedBlock(IOException cause) {
    return new IOException(
        String.format(
            "xz block %d of %d (counting from 1 as xz -lvv does; header at compressed offset %d,"
                + " uncompressed offset %d) is damaged: %s. The file is truncated or corrupt; fetch"
                + " or compress it again.",
            block + 1, blocks.count(), blocks.compressedStart(block), position, describe(cause)),
        cause);
  }

  private static SeekableXZInputStream openIndex(HadoopSeekableInput input) throws IOException {
    try {
      return new SeekableXZInputStream(input, -1, BasicArrayCache.getInstance());
    } catch (IOException e) {
      throw new IOException(
          String.format(
              "Cannot read the index of this %d-byte xz file (%s), so its blocks cannot be"
                  + " located: the file is truncated, corrupt or not xz. Fetch or compress it"
                  + " again.",
              input.length(), describe(e)),
          e);
    }
  }

  static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
