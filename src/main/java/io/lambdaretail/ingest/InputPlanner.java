package io.lambdaretail.ingest;

import io.lambdaretail.config.Errors;
import io.lambdaretail.io.xz.XzCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;

/**
 * Expands the input glob into {@link ReadUnit}s: plain and {@code .xz} files are cut into units
 * sized so the input gives about {@code targetUnits} units (at least 1 MiB, at most {@code
 * maxSplitBytes} each) (an xz unit reads the blocks whose start lies in it, so a single-block file
 * is read by its first unit alone); {@code .gz} and {@code .bz2} files are one unit each. Only file
 * listings are read here, nothing of the files' contents.
 */
public final class InputPlanner {
  private static final long MIN_SPLIT = 1L << 20;

  private InputPlanner() {}

  static List<ReadUnit> plan(Configuration conf, String glob, int targetUnits, long maxSplitBytes) {
    CompressionCodecFactory codecs = new CompressionCodecFactory(conf);
    List<FileStatus> files = matchingFiles(conf, glob);
    long total = files.stream().mapToLong(FileStatus::getLen).sum();
    long splitBytes =
        Math.max(MIN_SPLIT, Math.min(maxSplitBytes, total / Math.max(1, targetUnits)));
    List<ReadUnit> units = new ArrayList<>();
    for (FileStatus file : files) {
      CompressionCodec codec = codecs.getCodec(file.getPath());
      boolean splittable = codec == null || codec instanceof XzCodec;
      long length = file.getLen();
      if (!splittable || length <= splitBytes) {
        units.add(new ReadUnit(file.getPath().toString(), 0, length, splittable));
        continue;
      }
      // equal units, so no file ends in a sliver of a unit
      long count = (length + splitBytes - 1) / splitBytes;
      long size = (length + count - 1) / count;
      for (long start = 0; start < length; start += size) {
        units.add(
            new ReadUnit(file.getPath().toString(), start, Math.min(size, length - start), true));
      }
    }
    return units;
  }

  /**
   * Packs consecutive units into about {@code targetBins} bins of similar byte size, so that many
   * small files share a task (one task per file would spend more on scheduling and output files
   * than on reading) while a big file's units still spread over all cores.
   */
  static List<List<ReadUnit>> pack(List<ReadUnit> units, int targetBins) {
    long total = units.stream().mapToLong(ReadUnit::length).sum();
    long capacity = Math.max(1, total / Math.max(1, targetBins));
    List<List<ReadUnit>> bins = new ArrayList<>();
    List<ReadUnit> bin = new ArrayList<>();
    long size = 0;
    for (ReadUnit unit : units) {
      if (!bin.isEmpty() && size + unit.length() > capacity) {
        bins.add(bin);
        bin = new ArrayList<>();
        size = 0;
      }
      bin.add(unit);
      size += unit.length();
    }
    if (!bin.isEmpty()) {
      bins.add(bin);
    }
    return bins;
  }

  /** Fails with a user-facing error when the glob matches no file; lists only, reads nothing. */
  public static void requireMatches(Configuration conf, String glob) {
    matchingFiles(conf, glob);
  }

  private static List<FileStatus> matchingFiles(Configuration conf, String glob) {
    try {
      Path pattern = new Path(glob);
      FileSystem fs = pattern.getFileSystem(conf);
      FileStatus[] matches = fs.globStatus(pattern);
      List<FileStatus> files = new ArrayList<>();
      for (FileStatus m : matches == null ? new FileStatus[0] : matches) {
        files.addAll(m.isDirectory() ? Arrays.asList(fs.listStatus(m.getPath())) : List.of(m));
      }
      files.removeIf(f -> f.isDirectory() || f.getPath().getName().startsWith("."));
      if (files.isEmpty()) {
        throw Errors.invalid(
            "--input",
            glob,
            "no file matches. Check the path or glob, e.g. 'data/sample/pdpviews/*.ndjson.xz'.");
      }
      files.sort(Comparator.comparing(f -> f.getPath().toString()));
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("while listing --input " + glob, e);
    }
  }
}
