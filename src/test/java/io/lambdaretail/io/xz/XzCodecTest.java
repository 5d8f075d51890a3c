package io.lambdaretail.io.xz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.BZip2Codec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.io.compress.CompressionOutputStream;
import org.apache.hadoop.io.compress.GzipCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.SeekableFileInputStream;
import org.tukaani.xz.SeekableXZInputStream;

class XzCodecTest {
  private static final String CODECS = "io.compression.codecs";
  private static final String NAME = XzCodec.class.getName();

  @TempDir java.nio.file.Path dir;

  @Test
  void registerAppendsOnceAndKeepsWhatIsThere() {
    Configuration conf = new Configuration(false);
    conf.set(CODECS, "com.example.LzoCodec, " + GzipCodec.class.getName());

    XzCodec.register(conf);
    XzCodec.register(conf);

    assertThat(conf.get(CODECS))
        .as("codec list after registering twice")
        .isEqualTo("com.example.LzoCodec," + GzipCodec.class.getName() + "," + NAME);
  }

  @Test
  void registerOnAnUnsetKeyKeepsHadoopsBuiltInCodecs() {
    Configuration conf = new Configuration();
    XzCodec.register(conf);

    CompressionCodecFactory factory = new CompressionCodecFactory(conf);
    assertThat(conf.get(CODECS)).as("codec list").isEqualTo(NAME);
    assertThat(factory.getCodec(new Path("/in/views.ndjson.xz"))).isInstanceOf(XzCodec.class);
    assertThat(factory.getCodec(new Path("/in/views.ndjson.gz"))).isInstanceOf(GzipCodec.class);
    assertThat(factory.getCodec(new Path("/in/views.ndjson.bz2"))).isInstanceOf(BZip2Codec.class);
  }

  @Test
  void plainStreamReadsConcatenatedStreamsAndPadding() throws IOException {
    byte[] a = XzFixtures.utf8("first stream\nends mid");
    byte[] b = XzFixtures.utf8("-line\nsecond stream\n");
    byte[] file =
        XzFixtures.concat(
            XzFixtures.xz(a, 5), new byte[4], XzFixtures.xz(new byte[0]), XzFixtures.xz(b));

    assertThat(decode(file)).isEqualTo(XzFixtures.concat(a, b));
  }

  @Test
  void plainStreamReadsZeroBytesAsEmpty() throws IOException {
    assertThat(decode(new byte[0])).isEmpty();
  }

  @Test
  void plainStreamGivesTheDataBeforeTruncationThenFails() throws IOException {
    byte[] text = XzFixtures.text(XzFixtures.lines(300, 40, 7));
    byte[] xz = XzFixtures.xz(text, 2000);
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    try (InputStream in =
        new XzCodec()
            .createInputStream(new ByteArrayInputStream(Arrays.copyOf(xz, xz.length - 40)))) {
      assertThatThrownBy(() -> in.transferTo(read))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("xz data is damaged after")
          .hasMessageContaining("truncated or corrupt");
    }
    assertThat(Arrays.copyOf(read.toByteArray(), 2000))
        .as("the complete first block")
        .isEqualTo(Arrays.copyOf(text, 2000));
  }

  @Test
  void writesBlocksOfTheConfiguredSizeSoTheOutputSplits() throws IOException {
    byte[] text = XzFixtures.text(XzFixtures.lines(500, 60, 3));
    Configuration conf = new Configuration(false);
    conf.setInt(XzCodec.LEVEL_KEY, 1);
    conf.setLong(XzCodec.BLOCK_SIZE_KEY, 1000);
    XzCodec codec = new XzCodec();
    codec.setConf(conf);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CompressionOutputStream xz = codec.createOutputStream(out)) {
      xz.write(text, 0, 1234);
      xz.write(text[1234]);
      xz.write(text, 1235, text.length - 1235);
    }
    Path file = XzFixtures.write(dir, "written.xz", out.toByteArray());

    try (SeekableXZInputStream xz =
        new SeekableXZInputStream(new SeekableFileInputStream(file.toUri().getPath()))) {
      assertThat(xz.getBlockCount()).as("blocks").isEqualTo((text.length + 999) / 1000);
      assertThat(xz.getBlockSize(0)).as("uncompressed size of block 0").isEqualTo(1000);
      assertThat(xz.readAllBytes()).isEqualTo(text);
    }
  }

  @Test
  void finishThenWriteAppendsAStreamAndEmptyOutputIsValid() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CompressionOutputStream xz = new XzCodec().createOutputStream(out)) {
      xz.write(XzFixtures.utf8("one\n"));
      xz.finish();
      xz.resetState();
      xz.write(XzFixtures.utf8("two\n"));
    }
    ByteArrayOutputStream empty = new ByteArrayOutputStream();
    new XzCodec().createOutputStream(empty).close();

    assertThat(decode(out.toByteArray())).isEqualTo(XzFixtures.utf8("one\ntwo\n"));
    assertThat(empty.size()).as("bytes of an empty .xz (header, index, footer)").isEqualTo(32);
    assertThat(decode(empty.toByteArray())).isEmpty();
  }

  @Test
  void rejectsAnInvalidLevel() {
    Configuration conf = new Configuration(false);
    conf.setInt(XzCodec.LEVEL_KEY, 12);
    XzCodec codec = new XzCodec();
    codec.setConf(conf);

    assertThatThrownBy(() -> codec.createOutputStream(new ByteArrayOutputStream()))
        .isInstanceOf(IOException.class)
        .hasMessage("Invalid value 12 for configuration " + XzCodec.LEVEL_KEY + ": must be 0 to 9");
  }

  @Test
  void blockOffsetsAreRightAcrossConcatenatedStreams() throws IOException {
    byte[] a = XzFixtures.xz(XzFixtures.utf8("a".repeat(300)), 100, 200);
    byte[] b = XzFixtures.xz(XzFixtures.utf8("b".repeat(300)), 150);
    Path file = XzFixtures.write(dir, "cat.xz", XzFixtures.concat(a, new byte[8], b));
    long[] headers = XzSplitInputStreamTest.blockHeaders(file);

    assertThat(headers).as("block count").hasSize(5);
    assertThat(headers[0]).as("first block of stream a").isEqualTo(12);
    assertThat(headers[3])
        .as("first block of stream b: after a, the padding and b's stream header")
        .isEqualTo(a.length + 8 + 12);
  }

  private static byte[] decode(byte[] xz) throws IOException {
    try (InputStream in = new XzCodec().createInputStream(new ByteArrayInputStream(xz))) {
      return in.readAllBytes();
    }
  }
}
