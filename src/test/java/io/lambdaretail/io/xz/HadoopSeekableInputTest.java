package io.lambdaretail.io.xz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HadoopSeekableInputTest {

  @ParameterizedTest(name = "{0} bytes")
  @ValueSource(ints = {0, 1, 4, 65_535, 65_536, 65_537, 300_001})
  void findsTheLengthWhenAvailableSaysNothing(int size) throws IOException {
    ByteStream stream = new ByteStream(new byte[size], false);
    HadoopSeekableInput input = new HadoopSeekableInput(new FSDataInputStream(stream), size / 3);

    assertThat(input.length()).as("length found by probing").isEqualTo(size);
  }

  @Test
  void trustsAvailableOnlyWhenItChecksOut() throws IOException {
    ByteStream stream = new ByteStream(new byte[1000], true);
    HadoopSeekableInput input = new HadoopSeekableInput(new FSDataInputStream(stream), 0);

    assertThat(input.length()).as("length from available()").isEqualTo(1000);
    assertThat(stream.reads).as("reads to check it").isEqualTo(2);
  }

  @Test
  void ignoresALowerBoundPastTheEnd() throws IOException {
    HadoopSeekableInput input =
        new HadoopSeekableInput(new FSDataInputStream(new ByteStream(new byte[100], false)), 5000);

    assertThat(input.length()).isEqualTo(100);
  }

  @Test
  void readsAndSeeksLikeTheFile() throws IOException {
    byte[] data = new byte[200_000];
    new Random(1).nextBytes(data);
    HadoopSeekableInput input =
        new HadoopSeekableInput(new FSDataInputStream(new ByteStream(data, false)), 0);
    byte[] buffer = new byte[100_000];

    input.seek(150_000);
    assertThat(input.read()).isEqualTo(data[150_000] & 0xFF);
    assertThat(input.read(buffer, 0, 10)).isEqualTo(10);
    assertThat(Arrays.copyOf(buffer, 10)).isEqualTo(Arrays.copyOfRange(data, 150_001, 150_011));
    input.seek(10);
    assertThat(input.readNBytes(buffer, 0, 100_000)).isEqualTo(100_000);
    assertThat(buffer).isEqualTo(Arrays.copyOfRange(data, 10, 100_010));
    assertThat(input.position()).isEqualTo(100_010);
    input.seek(199_999);
    assertThat(input.read()).isEqualTo(data[199_999] & 0xFF);
    assertThat(input.read()).as("at the end").isEqualTo(-1);
  }

  @Test
  void refusesAStreamThatCannotSeek() {
    assertThatThrownBy(() -> new HadoopSeekableInput(new ByteArrayInputStream(new byte[1]), 0))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("XzCodec needs a seekable stream");
  }

  /** A file in memory that, like HDFS, refuses to seek past its end. */
  private static final class ByteStream extends FSInputStream {
    private final byte[] data;
    private final boolean honestAvailable;
    private int pos;
    private int reads;

    ByteStream(byte[] data, boolean honestAvailable) {
      this.data = data;
      this.honestAvailable = honestAvailable;
    }

    @Override
    public void seek(long target) throws IOException {
      if (target > data.length) {
        throw new EOFException("Cannot seek after EOF");
      }
      pos = (int) target;
    }

    @Override
    public long getPos() {
      return pos;
    }

    @Override
    public boolean seekToNewSource(long target) {
      return false;
    }

    @Override
    public int read() {
      reads++;
      return pos < data.length ? data[pos++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      reads++;
      int n = Math.min(len, data.length - pos);
      if (n <= 0) {
        return len == 0 ? 0 : -1;
      }
      System.arraycopy(data, pos, b, off, n);
      pos += n;
      return n;
    }

    @Override
    public int available() {
      return honestAvailable ? data.length - pos : Math.min(7, data.length - pos);
    }
  }
}
