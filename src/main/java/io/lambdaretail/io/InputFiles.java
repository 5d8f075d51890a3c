package io.lambdaretail.io;

import io.lambdaretail.config.Errors;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Tells, from a few bytes and file names and before Spark starts, whether an input is the kind its
 * option reads: not a model or output directory, text where text is read, Parquet where Parquet is.
 */
public final class InputFiles {
  /** A model directory's metadata, as train-als, train-hybrid and train-sales write it. */
  public static final String MODEL_METADATA = "metadata.json";

  private static final byte[] PARQUET_MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

  private InputFiles() {}

  /** Exit 2 when {@code path} is a directory a command wrote (a model, recommendations, ...). */
  public static void requireNotOutput(Configuration conf, String option, String path, String hint) {
    // only a directory holds markers; asking an object store for a key under a file's key can
    // mean minutes of retries (S3Proxy answers it with a server error, not 404)
    if (!isDirectory(conf, new Path(path))) {
      return;
    }
    for (String marker : new String[] {MODEL_METADATA, SafeOutput.MARKER}) {
      if (exists(conf, new Path(path, marker))) {
        throw Errors.invalid(option, path, "it is a model or output directory. " + hint);
      }
    }
  }

  /** Whether {@code file} starts with Parquet's magic bytes. */
  public static boolean isParquet(Configuration conf, Path file) {
    byte[] head = head(conf, file, PARQUET_MAGIC.length);
    return Arrays.equals(head, PARQUET_MAGIC);
  }

  /**
   * Whether a line read as text is binary content: a NUL or another control character than tab, or
   * mostly bytes that are not UTF-8 (decoded as U+FFFD). A few such bytes are a header in another
   * encoding (Latin-1 accents), which the column check judges, not this one.
   */
  public static boolean isBinary(String line) {
    long notUtf8 = line.chars().filter(c -> c == 0xFFFD).count();
    return line.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\r')
        || notUtf8 * 4 > line.length();
  }

  private static byte[] head(Configuration conf, Path file, int n) {
    try (InputStream in = file.getFileSystem(conf).open(file)) {
      return in.readNBytes(n);
    } catch (IOException e) {
      throw new UncheckedIOException("while reading " + file, e);
    }
  }

  /** Whether {@code path} is a directory (false for a file, a glob or nothing). */
  private static boolean isDirectory(Configuration conf, Path path) {
    try {
      return path.getFileSystem(conf).getFileStatus(path).isDirectory();
    } catch (java.io.FileNotFoundException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("while looking at " + path, e);
    }
  }

  /** Whether {@code path} exists, on any Hadoop file system. */
  public static boolean exists(Configuration conf, Path path) {
    try {
      FileSystem fs = path.getFileSystem(conf);
      return fs.exists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("while looking for " + path, e);
    }
  }
}
