package io.lambdaretail.io.xz;

import org.apache.hadoop.io.compress.Decompressor;

/**
 * A stand-in {@link Decompressor}: the xz decoder lives in the streams, but {@code CodecPool} logs
 * "Got brand-new decompressor" at INFO for every split unless the codec hands it something it can
 * recycle. Nothing calls its decompression methods.
 */
final class XzDummyDecompressor implements Decompressor {

  @Override
  public void setInput(byte[] b, int off, int len) {
    throw unsupported();
  }

  @Override
  public boolean needsInput() {
    return false;
  }

  @Override
  public void setDictionary(byte[] b, int off, int len) {
    throw unsupported();
  }

  @Override
  public boolean needsDictionary() {
    return false;
  }

  @Override
  public boolean finished() {
    return false;
  }

  @Override
  public int decompress(byte[] b, int off, int len) {
    throw unsupported();
  }

  @Override
  public int getRemaining() {
    return 0;
  }

  @Override
  public void reset() {
    // stateless
  }

  @Override
  public void end() {
    // stateless
  }

  private static UnsupportedOperationException unsupported() {
    return new UnsupportedOperationException(
        "XzCodec decodes in its input streams; use XzCodec.createInputStream");
  }
}
