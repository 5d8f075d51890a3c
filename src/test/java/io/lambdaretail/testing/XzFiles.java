package io.lambdaretail.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * Multi-block xz test files, as {@code xz -T0} writes them, with blocks ending where a test says.
 */
public final class XzFiles {
  private XzFiles() {}

  /** One xz stream of {@code data} (preset 0) with a block ending after each offset. */
  public static byte[] multiBlock(byte[] data, long... blockEnds) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XZOutputStream xz = new XZOutputStream(out, new LZMA2Options(0))) {
      int done = 0;
      for (long end : blockEnds) {
        xz.write(data, done, (int) end - done);
        xz.endBlock();
        done = (int) end;
      }
      xz.write(data, done, data.length - done);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
