package io.lambdaretail.io.xz;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.fs.Seekable;
import org.tukaani.xz.SeekableInputStream;

/**
 * Tukaani's {@link SeekableInputStream} over a Hadoop stream that is {@link Seekable} (an {@code
 * FSDataInputStream}). Reads go through a 64 KiB buffer because the xz decoder reads headers a byte
 * at a time, and seeks are lazy so that tukaani's many small header seeks cost nothing until bytes
 * are read.
 *
 * <p>Hadoop streams do not expose the file length, which tukaani needs to find the xz footer. It is
 * taken from {@code position + available()} when that checks out (HDFS, S3A and ABFS report the
 * bytes left in the file), else found by probing one byte at a time: doubling steps from a lower
 * bound then bisection, some 2 log2(length / 64 KiB) probes.
 */
final class HadoopSeekableInput extends SeekableInputStream {
  private static final int BUFFER_SIZE = 64 * 1024;

  private final InputStream in;
  private final Seekable seekable;
  private final long lengthLowerBound;
  private final byte[] buffer = new byte[BUFFER_SIZE];
  private long bufferStart;
  private int bufferLength;
  private long position;
  private long length = -1;

  /**
   * @param in a stream that is also {@link Seekable}
   * @param lengthLowerBound a length the file is believed to have at least (checked before use)
   */
  HadoopSeekableInput(InputStream in, long lengthLowerBound) throws IOException {
    if (!(in instanceof Seekable)) {
      throw new IOException(
          "XzCodec needs a seekable stream (an FSDataInputStream) to split .xz files; got "
              + in.getClass().getName());
    }
    this.in = in;
    this.seekable = (Seekable) in;
    this.lengthLowerBound = Math.max(0, lengthLowerBound);
    this.position = seekable.getPos();
  }

  @Override
  public int read() throws IOException {
    if (!fillIfEmpty()) {
      return -1;
    }
    return buffer[(int) (position++ - bufferStart)] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (!inBuffer(position) && len >= BUFFER_SIZE) {
      // a large read gains nothing from copying through the buffer
      syncUnderlyingPosition();
      int n = in.read(b, off, len);
      position += Math.max(n, 0);
      return n;
    }
    if (!fillIfEmpty()) {
      return -1;
    }
    int n = (int) Math.min(len, bufferStart + bufferLength - position);
    System.arraycopy(buffer, (int) (position - bufferStart), b, off, n);
    position += n;
    return n;
  }

  @Override
  public long length() throws IOException {
    if (length < 0) {
      length = discoverLength();
    }
    return length;
  }

  @Override
  public long position() {
    return position;
  }

  @Override
  public void seek(long pos) throws IOException {
    if (pos < 0) {
      throw new EOFException("Cannot seek to a negative position: " + pos);
    }
    position = pos;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private boolean inBuffer(long pos) {
    return pos >= bufferStart && pos < bufferStart + bufferLength;
  }

  private boolean fillIfEmpty() throws IOException {
    if (inBuffer(position)) {
      return true;
    }
    syncUnderlyingPosition();
    bufferStart = position;
    bufferLength = Math.max(0, in.read(buffer, 0, BUFFER_SIZE));
    return bufferLength > 0;
  }

  private void syncUnderlyingPosition() throws IOException {
    if (seekable.getPos() != position) {
      seekable.seek(position);
    }
  }

  private long discoverLength() throws IOException {
    long start = seekable.getPos();
    int available = in.available();
    long hint = start + available;
    bufferLength = 0; // the probes move the underlying stream
    if (available > 0 && available < Integer.MAX_VALUE && hasByteAt(hint - 1) && !hasByteAt(hint)) {
      return hint;
    }
    long lowerBound =
        lengthLowerBound > 0 && hasByteAt(lengthLowerBound - 1) ? lengthLowerBound : 0;
    return searchLength(lowerBound);
  }

  /** The smallest position without a byte, knowing every position below {@code lo} has one. */
  private long searchLength(long lo) throws IOException {
    long hi = lo;
    long step = BUFFER_SIZE;
    while (hasByteAt(hi)) {
      lo = hi + 1;
      hi = lo + step;
      step *= 2;
    }
    while (lo < hi) {
      long mid = lo + (hi - lo) / 2;
      if (hasByteAt(mid)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private boolean hasByteAt(long pos) throws IOException {
    try {
      seekable.seek(pos);
      return in.read() >= 0;
    } catch (EOFException e) {
      // local and HDFS streams refuse to seek past the end instead of returning -1
      return false;
    }
  }
}
