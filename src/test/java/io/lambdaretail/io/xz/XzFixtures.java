package io.lambdaretail.io.xz;

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
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.lib.input.LineRecordReader;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.apache.hadoop.util.LineReader;

/** Builds small xz files with blocks ending at chosen bytes, and reads them back split by split. */
final class XzFixtures {
  private XzFixtures() {}

  /** One xz stream of {@code data} with a block ending after each offset in {@code blockEnds}. */
  static byte[] xz(byte[] data, long... blockEnds) {
    return XzFiles.multiBlock(data, blockEnds);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** {@code count} lines of 0 to {@code maxLength} characters that say which line they are. */
  static List<String> lines(int count, int maxLength, long seed) {
    Random random = new Random(seed);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      StringBuilder line = new StringBuilder("L" + i + ":");
      int length = random.nextInt(maxLength + 1);
      while (line.length() < length) {
        line.append((char) ('a' + random.nextInt(26)));
      }
      lines.add(random.nextInt(10) == 0 ? "" : line.toString());
    }
    return lines;
  }

  /** Each line followed by "\n". */
  static byte[] text(List<String> lines) {
    return utf8(String.join("\n", lines) + "\n");
  }

  /** The offset just after the {@code n}-th (1-based) occurrence of {@code b}. */
  static long after(byte[] data, byte b, int n) {
    int seen = 0;
    for (int i = 0; i < data.length; i++) {
      if (data[i] == b && ++seen == n) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException("fewer than " + n + " occurrences");
  }

  /** What Hadoop's line reader makes of the whole uncompressed text: the expected lines. */
  static List<String> hadoopLines(byte[] data) {
    List<String> lines = new ArrayList<>();
    try (LineReader reader = new LineReader(new ByteArrayInputStream(data))) {
      Text line = new Text();
      while (reader.readLine(line) > 0) {
        lines.add(line.toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines;
  }

  static Path write(java.nio.file.Path dir, String name, byte[] bytes) throws IOException {
    java.nio.file.Path file = dir.resolve(name);
    Files.write(file, bytes);
    return new Path(file.toUri());
  }

  /** A Hadoop configuration with the xz codec registered. */
  static Configuration conf() {
    Configuration conf = new Configuration();
    XzCodec.register(conf);
    return conf;
  }

  /**
   * The lines each split of {@code splitSize} bytes yields through Hadoop's {@link
   * LineRecordReader}, in split order; one empty split for an empty file, as FileInputFormat makes.
   */
  static List<List<String>> readSplits(Configuration conf, Path file, long splitSize)
      throws IOException {
    long length = file.getFileSystem(conf).getFileStatus(file).getLen();
    List<List<String>> splits = new ArrayList<>();
    long start = 0;
    do {
      long size = Math.min(splitSize, length - start);
      splits.add(readSplit(conf, new FileSplit(file, start, size, new String[0])));
      start += size;
    } while (start < length);
    return splits;
  }

  static List<String> readSplit(Configuration conf, FileSplit split) throws IOException {
    List<String> lines = new ArrayList<>();
    try (LineRecordReader reader = new LineRecordReader()) {
      reader.initialize(split, new TaskAttemptContextImpl(conf, new TaskAttemptID()));
      while (reader.nextKeyValue()) {
        lines.add(reader.getCurrentValue().toString());
      }
    }
    return lines;
  }

  /** The same through the old {@code mapred} API that {@code SparkContext.textFile} uses. */
  static List<String> readSplitMapred(Configuration conf, FileSplit split) throws IOException {
    List<String> lines = new ArrayList<>();
    org.apache.hadoop.mapred.FileSplit old =
        new org.apache.hadoop.mapred.FileSplit(
            split.getPath(), split.getStart(), split.getLength(), new String[0]);
    org.apache.hadoop.mapred.LineRecordReader reader =
        new org.apache.hadoop.mapred.LineRecordReader(conf, old);
    try {
      LongWritable key = reader.createKey();
      Text value = reader.createValue();
      while (reader.next(key, value)) {
        lines.add(value.toString());
      }
    } finally {
      reader.close();
    }
    return lines;
  }
}
