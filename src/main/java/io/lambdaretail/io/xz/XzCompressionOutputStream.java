package io.lambdaretail.io.xz;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.hadoop.io.compress.CompressionOutputStream;
import org.tukaani.xz.BasicArrayCache;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZ;
import org.tukaani.xz.XZOutputStream;

/**
 * Writes xz with a block boundary after every {@code blockSize} uncompressed bytes, so that the
 * output is splittable like {@code xz -T0} output. {@link #finish()} ends the xz stream; a write
 * after it (or after {@link #resetState()}) starts a new, concatenated stream. Flushing does not
 * flush the encoder (as with Hadoop's other codec streams), since that would cut LZMA2 chunks
 * short.
 */
final class XzCompressionOutputStream extends CompressionOutputStream {
  private final LZMA2Options options;
  private final long blockSize;
  private final byte[] single = new byte[1];
  private XZOutputStream xz;
  private long inBlock;

  XzCompressionOutputStream(OutputStream out, LZMA2Options preset, long blockSize)
      throws IOException {
    super(out);
    this.options = cappedDictionary(preset, blockSize);
    this.blockSize = blockSize;
    // started at once so that even an empty output is a valid .xz file
    this.xz = newStream();
  }

  @Override
  public void write(int b) throws IOException {
    single[0] = (byte) b;
    write(single, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (xz == null && len > 0) {
      xz = newStream();
    }
    while (len > 0) {
      int n = (int) Math.min(len, blockSize - inBlock);
      xz.write(b, off, n);
      off += n;
      len -= n;
      inBlock += n;
      if (inBlock == blockSize) {
        xz.endBlock();
        inBlock = 0;
      }
    }
  }

  @Override
  public void finish() throws IOException {
    if (xz != null) {
      xz.finish();
      xz = null;
      inBlock = 0;
    }
  }

  @Override
  public void resetState() throws IOException {
    finish();
  }

  private XZOutputStream newStream() throws IOException {
    // each block restarts the encoder; the cache saves reallocating its buffers every block
    return new XZOutputStream(out, options, XZ.CHECK_CRC64, BasicArrayCache.getInstance());
  }

  /** A block never refers back past its own start, so a bigger dictionary only costs memory. */
  private static LZMA2Options cappedDictionary(LZMA2Options preset, long blockSize)
      throws IOException {
    LZMA2Options options = (LZMA2Options) preset.clone();
    long dict = Math.max(LZMA2Options.DICT_SIZE_MIN, Math.min(preset.getDictSize(), blockSize));
    options.setDictSize((int) dict);
    return options;
  }
}
