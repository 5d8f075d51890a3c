package io.lambdaretail.io.xz;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.io.compress.CompressionInputStream;
import org.tukaani.xz.BasicArrayCache;
import org.tukaani.xz.XZInputStream;

/**
 * A whole xz file (any number of concatenated streams, with stream padding) decoded front to back
 * by {@link XZInputStream} without a memory limit. Empty input reads as empty. Damaged input yields
 * the bytes before the damage, then an {@link IOException} that says how far decoding got.
 */
final class XzCompressionInputStream extends CompressionInputStream {
  private static final int BUFFER_SIZE = 64 * 1024;

  private final byte[] single = new byte[1];
  private XZInputStream xz;
  private boolean emptyInput;
  private long decoded;

  XzCompressionInputStream(InputStream in) throws IOException {
    super(in);
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
    try {
      if (xz == null && !open()) {
        return -1;
      }
      int n = xz.read(b, off, len);
      decoded += Math.max(n, 0);
      return n;
    } catch (IOException e) {
      throw new IOException(
          String.format(
              "xz data is damaged after %d decoded bytes: %s. The file is truncated or corrupt;"
                  + " fetch or compress it again.",
              decoded, XzSplitInputStream.describe(e)),
          e);
    }
  }

  /** Discards the decoder: the next read starts a new xz stream wherever {@code in} is now. */
  @Override
  public void resetState() {
    xz = null;
    emptyInput = false;
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

  /** Starts the decoder, or returns false when the input has no bytes at all. */
  private boolean open() throws IOException {
    if (emptyInput) {
      return false;
    }
    // XZInputStream reads headers a byte at a time; Hadoop streams are not always buffered
    BufferedInputStream buffered = new BufferedInputStream(in, BUFFER_SIZE);
    buffered.mark(1);
    if (buffered.read() < 0) {
      emptyInput = true;
      return false;
    }
    buffered.reset();
    xz = new XZInputStream(buffered, -1, BasicArrayCache.getInstance());
    return true;
  }
}
