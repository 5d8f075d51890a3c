package io.lambdaretail.ingest;

import io.lambdaretail.ingest.IngestOptions.Compression;
import io.lambdaretail.ingest.IngestOptions.Format;
import io.lambdaretail.ingest.IngestOptions.WriteMode;
import io.lambdaretail.io.xz.XzCodec;
import io.lambdaretail.testing.XzFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.tukaani.xz.SeekableInputStream;
import org.tukaani.xz.SeekableXZInputStream;

/**
 * Test data for the ingest tests: ndjson text whose line offsets are known, multi-block xz, gzip,
 * and {@link IngestOptions} with defaults.
 */
final class IngestFixtures {
  static final long BLOCK = 64 * 1024;
  private static final String ALNUM =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private IngestFixtures() {}

  /** Lines with the byte offset at which each starts in the uncompressed file. */
  static final class Text {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final List<String> lines = new ArrayList<>();
    private final List<Long> offsets = new ArrayList<>();

    /** Appends {@code line} and "\n"; returns the line's index. */
    int add(String line) {
      lines.add(line);
      offsets.add((long) bytes.size());
      bytes.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
      return lines.size() - 1;
    }

    String line(int i) {
      return lines.get(i);
    }

    long offset(int i) {
      return offsets.get(i);
    }

    int size() {
      return lines.size();
    }

    List<String> lines() {
      return List.copyOf(lines);
    }

    byte[] bytes() {
      return bytes.toByteArray();
    }
  }

  /**
   * A good page view; {@code i} is in the browser id so each line is unique, and a random payload
   * in the extra key {@code note} keeps xz from compressing the file to nothing.
   */
  static String pageView(int i, Random random, int noteLength) {
    StringBuilder note = new StringBuilder(noteLength);
    for (int k = 0; k < noteLength; k++) {
      note.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
    }
    return "{\"browser_id\":\"b"
        + i
        + "\",\"user_id\":"
        + (i % 3 == 0 ? "null" : "\"u" + i % 97 + "\"")
        + ",\"product_id\":\"p"
        + i % 50
        + "\",\"timestamp\":\"2024-03-0"
        + (1 + i % 2)
        + "T10:00:00.000Z\",\"session_id\":\"s"
        + i / 10
        + "\",\"note\":\""
        + note
        + "\"}";
  }

  /**
   * Page views {@code 0..count-1} of about 200 bytes each, with {@code bad} put in place of the
   * lines at their keys' indexes.
   */
  static Text pageViews(int count, long seed, java.util.Map<Integer, String> bad) {
    Random random = new Random(seed);
    Text text = new Text();
    for (int i = 0; i < count; i++) {
      String good = pageView(i, random, 120);
      text.add(bad.getOrDefault(i, good));
    }
    return text;
  }

  /** One xz stream of {@code data} (preset 0) with a block ending after each offset. */
  static byte[] xz(byte[] data, long... blockEnds) {
    return XzFiles.multiBlock(data, blockEnds);
  }

  /** Block ends every {@code step} bytes below {@code length}, plus the extra ones, sorted. */
  static long[] blockEnds(long length, long step, long... extra) {
    TreeSet<Long> ends = new TreeSet<>();
    for (long end = step; end < length; end += step) {
      ends.add(end);
    }
    for (long end : extra) {
      ends.add(end);
    }
    return ends.stream().mapToLong(Long::longValue).toArray();
  }

  /** Compressed offset of the header and uncompressed start of each block of {@code xz}. */
  static long[][] blocks(byte[] xz) {
    try (SeekableXZInputStream in = new SeekableXZInputStream(new ByteArrayInput(xz))) {
      long[][] blocks = new long[in.getBlockCount()][];
      for (int b = 0; b < blocks.length; b++) {
        blocks[b] = new long[] {in.getBlockCompPos(b), in.getBlockPos(b)};
      }
      return blocks;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static java.nio.file.Path write(java.nio.file.Path dir, String name, byte[] bytes) {
    try {
      java.nio.file.Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file's URI as the ingest names it in the quarantine and the per-file counts. */
  static String uri(java.nio.file.Path file) {
    return new org.apache.hadoop.fs.Path(file.toUri()).toString();
  }

  /** A Hadoop configuration with the xz codec registered. */
  static Configuration conf() {
    Configuration conf = new Configuration();
    XzCodec.register(conf);
    return conf;
  }

  /** Parquet, snappy, overwrite-partitions, default quarantine, never fail on bad lines. */
  static IngestOptions options(EventSource source, String input, String output) {
    return new IngestOptions(
        source,
        input,
        output,
        Format.PARQUET,
        Compression.SNAPPY,
        WriteMode.OVERWRITE_PARTITIONS,
        null,
        1.0);
  }

  static IngestOptions with(IngestOptions o, Format format, WriteMode mode, double maxBadRatio) {
    return new IngestOptions(
        o.source(),
        o.input(),
        o.output(),
        format,
        o.compression(),
        mode,
        o.quarantine(),
        maxBadRatio);
  }

  /** An in-memory file for tukaani's seekable reader. */
  private static final class ByteArrayInput extends SeekableInputStream {
    private final byte[] data;
    private final ByteArrayInputStream in;

    ByteArrayInput(byte[] data) {
      this.data = data;
      this.in = new ByteArrayInputStream(data);
    }

    @Override
    public int read() {
      return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) {
      return in.read(b, off, len);
    }

    @Override
    public long length() {
      return data.length;
    }

    @Override
    public long position() {
      return data.length - in.available();
    }

    @Override
    public void seek(long pos) {
      in.reset();
      in.skip(pos);
    }
  }
}
