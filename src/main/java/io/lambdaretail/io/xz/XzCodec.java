package io.lambdaretail.io.xz;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configurable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CommonConfigurationKeys;
import org.apache.hadoop.io.compress.CompressionInputStream;
import org.apache.hadoop.io.compress.CompressionOutputStream;
import org.apache.hadoop.io.compress.Compressor;
import org.apache.hadoop.io.compress.Decompressor;
import org.apache.hadoop.io.compress.SplitCompressionInputStream;
import org.apache.hadoop.io.compress.SplittableCompressionCodec;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.UnsupportedOptionsException;

/**
 * A Hadoop codec for {@code .xz} files on org.tukaani:xz, splittable when a file has many xz blocks
 * (as {@code xz -T0} and {@code pixz} write), so that Spark's and Hadoop's text and JSON readers
 * read one large file with many tasks, and read {@code .xz} wherever they read {@code .gz}.
 *
 * <h2>Registration</h2>
 *
 * Call {@link #register(Configuration)} on the Hadoop configuration before the read is planned,
 * e.g. {@code XzCodec.register(spark.sparkContext().hadoopConfiguration())}; it appends this class
 * to {@code io.compression.codecs}. Without code, pass {@code --conf
 * spark.hadoop.io.compression.codecs=io.lambdaretail.io.xz.XzCodec} to spark-submit (that
 * <em>replaces</em> the key, so list any codecs the cluster sets there too). Hadoop's own codecs
 * (gzip, bzip2, deflate, lz4, snappy, zstd) are found through the JDK ServiceLoader whatever the
 * key says, so an unset key needs nothing but this class.
 *
 * <h2>Splitting</h2>
 *
 * A split {@code [start, end)} of the compressed file owns the xz blocks whose compressed start
 * (the offset of the block header, as the xz index records it) lies in {@code [start, end)},
 * counting the blocks of all concatenated streams in file order. Its stream ({@code
 * XzSplitInputStream}) decodes from the first owned block on and does not stop at the last one, so
 * that the reader can finish the line that crosses the split end. With Hadoop's {@code
 * LineRecordReader} (which Spark's text, CSV and JSON-lines readers use) a split yields exactly the
 * lines that start after the first line delimiter at or after its first block's uncompressed start
 * (from byte 0 for the split owning block 0) up to and including the line that holds the first
 * delimiter at or after the start of the first block it does not own. So a block that begins
 * exactly at a line start has that line read by the split before it, and dropped as a "partial"
 * line by its own split; every line comes out exactly once. A split that owns no block yields
 * nothing: a single-block file is read in full by the one split holding the block's start. Keep
 * Spark's {@code spark.sql.files.maxPartitionBytes} at or above the compressed block size, or most
 * tasks idle.
 *
 * <p>Every split reads the xz index (stream footers and indexes, some bytes per block) once at
 * open; decoding runs at the speed of plain {@code XZInputStream}.
 *
 * <h2>Damaged files</h2>
 *
 * A split reader reads the index first, so a truncated file, a file that is not xz, or one whose
 * size is not a multiple of four fails every split at open with an {@link IOException} saying that
 * the index cannot be read and why; nothing is returned silently. When the index is intact but a
 * block is damaged, the split returns the data before the damage and then throws an {@link
 * IOException} naming the block and its offsets (xz checks a block's CRC at the block's end, so a
 * few garbled bytes of that block may come out before the exception). The non-split stream ({@link
 * #createInputStream(InputStream)}, used when splitting is off) likewise returns what it could
 * decode before the damage, then throws. A zero-byte file reads as empty (Spark never schedules
 * one).
 *
 * <h2>Compression</h2>
 *
 * Writing is supported: {@code io.compression.codec.xz.level} sets the preset (0-9, default 6) and
 * {@code io.compression.codec.xz.block-size} the uncompressed bytes per block (default three times
 * the preset's dictionary, 24 MiB at level 6, like {@code xz -T0}), so files written here split
 * too. The encoder needs about 100 MiB at level 6 and each reader about the dictionary size.
 */
public class XzCodec implements SplittableCompressionCodec, Configurable {
  /** The preset, 0 (fast) to 9 (small); default {@value #DEFAULT_LEVEL}. */
  public static final String LEVEL_KEY = "io.compression.codec.xz.level";

  /** Uncompressed bytes per xz block when writing; default three dictionaries. */
  public static final String BLOCK_SIZE_KEY = "io.compression.codec.xz.block-size";

  public static final int DEFAULT_LEVEL = 6;

  private static final String CODECS_KEY = CommonConfigurationKeys.IO_COMPRESSION_CODECS_KEY;

  private Configuration conf = new Configuration(false);

  /**
   * Appends this codec to {@code io.compression.codecs} in {@code conf}, keeping the codecs already
   * listed there; does nothing when it is listed already.
   */
  public static void register(Configuration conf) {
    String name = XzCodec.class.getName();
    List<String> listed = new ArrayList<>(conf.getTrimmedStringCollection(CODECS_KEY));
    if (listed.contains(name)) {
      return;
    }
    listed.add(name);
    conf.set(CODECS_KEY, String.join(",", listed));
  }

  @Override
  public void setConf(Configuration conf) {
    this.conf = conf;
  }

  @Override
  public Configuration getConf() {
    return conf;
  }

  @Override
  public String getDefaultExtension() {
    return ".xz";
  }

  @Override
  public CompressionInputStream createInputStream(InputStream in) throws IOException {
    return new XzCompressionInputStream(in);
  }

  /** The decompressor is a placeholder that only lets {@code CodecPool} recycle something. */
  @Override
  public CompressionInputStream createInputStream(InputStream in, Decompressor decompressor)
      throws IOException {
    return createInputStream(in);
  }

  /**
   * The stream of one split; see the class comment for which lines it yields. Both read modes
   * behave the same: the stream never returns bytes of two blocks from one read and reports the
   * compressed start of the block it is in.
   */
  @Override
  public SplitCompressionInputStream createInputStream(
      InputStream seekableIn, Decompressor decompressor, long start, long end, READ_MODE readMode)
      throws IOException {
    return XzSplitInputStream.open(seekableIn, start, end);
  }

  @Override
  public Class<? extends Decompressor> getDecompressorType() {
    return XzDummyDecompressor.class;
  }

  @Override
  public Decompressor createDecompressor() {
    return new XzDummyDecompressor();
  }

  @Override
  public CompressionOutputStream createOutputStream(OutputStream out) throws IOException {
    LZMA2Options options = options();
    long blockSize = conf.getLong(BLOCK_SIZE_KEY, 3L * options.getDictSize());
    if (blockSize < 1) {
      throw new IOException(
          "Invalid value " + blockSize + " for configuration " + BLOCK_SIZE_KEY + ": must be >= 1");
    }
    return new XzCompressionOutputStream(out, options, blockSize);
  }

  /** The compressor is unused: the xz encoder lives in the stream. */
  @Override
  public CompressionOutputStream createOutputStream(OutputStream out, Compressor compressor)
      throws IOException {
    return createOutputStream(out);
  }

  @Override
  public Class<? extends Compressor> getCompressorType() {
    return null;
  }

  @Override
  public Compressor createCompressor() {
    return null;
  }

  private LZMA2Options options() throws IOException {
    int level = conf.getInt(LEVEL_KEY, DEFAULT_LEVEL);
    try {
      return new LZMA2Options(level);
    } catch (UnsupportedOptionsException e) {
      throw new IOException(
          "Invalid value " + level + " for configuration " + LEVEL_KEY + ": must be 0 to 9", e);
    }
  }
}
