package io.lambdaretail.generate;

import java.io.IOException;
import java.io.OutputStream;
import org.tukaani.xz.BasicArrayCache;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZ;
import org.tukaani.xz.XZOutputStream;

/**
 * An xz stream of many blocks, like {@code xz -T0} or {@code pixz} write: a block ends after every
 * {@code blockSize} uncompressed bytes, at that exact byte, so lines cross block boundaries just as
 * in real multi-threaded output. Readers can then decode blocks independently (see DESIGN.md
 * section 7). Closing finishes the stream and closes the target.
 */
final class MultiBlockXzWriter extends OutputStream {
  private final XZOutputStream xz;
  private final long blockSize;
  private long inBlock;
  private long blocks;

  /**
   * @param target where the compressed stream goes (closed with this writer)
   * @param blockSize uncompressed bytes per block, at least 1
   * @param preset xz preset 0..9
   */
  MultiBlockXzWriter(OutputStream target, long blockSize, int preset) throws IOException {
    if (blockSize < 1) {
      throw new IllegalArgumentException("blockSize must be at least 1, cannot be: " + blockSize);
    }
    this.blockSize = blockSize;
    // each block restarts the encoder, so the cache saves reallocating its buffers every block
    this.xz =
        new XZOutputStream(
            target, options(blockSize, preset), XZ.CHECK_CRC64, BasicArrayCache.getInstance());
  }

  /**
   * The preset's options with the dictionary cut to the block size: a block never looks back past
   * its own start, so a bigger dictionary only costs memory (in the writer and every reader).
   */
  static LZMA2Options options(long blockSize, int preset) throws IOException {
    LZMA2Options options = new LZMA2Options(preset);
    long dict = Math.max(LZMA2Options.DICT_SIZE_MIN, Math.min(options.getDictSize(), blockSize));
    options.setDictSize((int) dict);
    return options;
  }

  @Override
  public void write(int b) throws IOException {
    xz.write(b);
    advance(1);
  }

  @Override
  public void write(byte[] buffer, int offset, int length) throws IOException {
    while (length > 0) {
      int n = (int) Math.min(length, blockSize - inBlock);
      xz.write(buffer, offset, n);
      offset += n;
      length -= n;
      advance(n);
    }
  }

  /** Blocks started so far: after {@link #close()}, the number of blocks in the file. */
  long blocks() {
    return blocks;
  }

  @Override
  public void flush() throws IOException {
    // xz's flush() would cut the LZMA2 chunk short and cost ratio; nothing is read before close
  }

  @Override
  public void close() throws IOException {
    xz.close();
  }

  private void advance(long n) throws IOException {
    if (inBlock == 0 && n > 0) {
      blocks++;
    }
    inBlock += n;
    if (inBlock == blockSize) {
      xz.endBlock();
      inBlock = 0;
    }
  }
}
