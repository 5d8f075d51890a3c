package io.lambdaretail.io;

import io.lambdaretail.config.Errors;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;

/**
 * The header line of a CSV input (a file, a directory of parts or a glob), read without Spark so a
 * command can check its columns before Spark starts.
 */
public final class CsvHeader {
  private CsvHeader() {}

  // a header longer than this is not a header (a binary file may have no line break at all)
  private static final int MAX_HEADER_CHARS = 64 * 1024;

  /**
   * The header of the first data file of {@code input} (a file, a directory or a glob); exit 2 when
   * {@code input} is a model or output directory or its first line is binary content.
   */
  public static List<String> read(Configuration conf, String option, String input) {
    InputFiles.requireNotOutput(conf, option, input, "Pass a CSV file with a header line.");
    Path file = firstFile(conf, option, input);
    String line = firstLine(conf, file);
    if (line != null && InputFiles.isBinary(line)) {
      throw Errors.invalid(
          option,
          input,
          "it is not CSV text: "
              + (InputFiles.isParquet(conf, file) ? "it is Parquet" : "its first line is binary")
              + ". Pass a CSV file with a header line.");
    }
    return line == null ? List.of() : parseHeader(line);
  }

  private static String firstLine(Configuration conf, Path file) {
    try {
      FileSystem fs = file.getFileSystem(conf);
      CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(file);
      InputStream raw = fs.open(file);
      InputStream in = codec == null ? raw : codec.createInputStream(raw);
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        StringBuilder line = new StringBuilder();
        int c = r.read();
        if (c < 0) {
          return null;
        }
        while (c >= 0 && c != '\n' && line.length() < MAX_HEADER_CHARS) {
          line.append((char) c);
          c = r.read();
        }
        return line.toString();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("while reading the header of " + file, e);
    }
  }

  public static List<String> parseHeader(String line) {
    String clean = line.startsWith("\uFEFF") ? line.substring(1) : line;
    return Arrays.stream(clean.split(",", -1))
        .map(String::trim)
        .map(
            s ->
                s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")
                    ? s.substring(1, s.length() - 1)
                    : s)
        .toList();
  }

  public static Path firstFile(Configuration conf, String option, String input) {
    try {
      Path path = new Path(input);
      FileSystem fs = path.getFileSystem(conf);
      FileStatus[] matches = fs.globStatus(path);
      for (FileStatus m : matches == null ? new FileStatus[0] : matches) {
        Path found = m.isDirectory() ? firstDataFile(fs, m.getPath()) : m.getPath();
        if (found != null) {
          return found;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("while listing " + input, e);
    }
    throw Errors.inputNotFound(option, input);
  }

  private static Path firstDataFile(FileSystem fs, Path dir) throws IOException {
    RemoteIterator<LocatedFileStatus> files = fs.listFiles(dir, true);
    while (files.hasNext()) {
      Path p = files.next().getPath();
      String name = p.getName();
      // Spark and Hadoop write _SUCCESS, .crc and other hidden files beside the data
      if (!name.startsWith("_") && !name.startsWith(".")) {
        return p;
      }
    }
    return null;
  }
}
