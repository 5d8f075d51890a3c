package io.lambdaretail.generate;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What {@code generate} wrote for one data set.
 *
 * @param path the data set's directory (event dumps) or file (single-file data sets)
 * @param files number of files written
 * @param lines data lines, malformed ones included, CSV headers not
 * @param badLines malformed lines mixed in on purpose ({@code --bad-ratio})
 * @param bytesUncompressed total size before compression
 * @param bytesWritten total size on disk
 * @param xzBlocks total xz blocks, present only for xz-compressed data sets
 */
public record DatasetStats(
    Path path,
    int files,
    long lines,
    long badLines,
    long bytesUncompressed,
    long bytesWritten,
    OptionalLong xzBlocks) {

  static DatasetStats plain(Path path, List<FileStats> files) {
    return sum(path, files, OptionalLong.empty());
  }

  static DatasetStats xz(Path path, List<FileStats> files) {
    return sum(path, files, OptionalLong.of(files.stream().mapToLong(FileStats::xzBlocks).sum()));
  }

  private static DatasetStats sum(Path path, List<FileStats> files, OptionalLong blocks) {
    return new DatasetStats(
        path,
        files.size(),
        files.stream().mapToLong(FileStats::lines).sum(),
        files.stream().mapToLong(FileStats::badLines).sum(),
        files.stream().mapToLong(FileStats::bytesUncompressed).sum(),
        files.stream().mapToLong(FileStats::bytesWritten).sum(),
        blocks);
  }

  /**
   * A JSON-ready map: {@code path, files, lines, bad_lines, bytes_uncompressed, bytes_written} and,
   * for xz data sets, {@code xz_blocks}.
   */
  public Map<String, Object> toSummary() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("path", path.toString());
    map.put("files", files);
    map.put("lines", lines);
    map.put("bad_lines", badLines);
    map.put("bytes_uncompressed", bytesUncompressed);
    map.put("bytes_written", bytesWritten);
    xzBlocks.ifPresent(blocks -> map.put("xz_blocks", blocks));
    return map;
  }
}
