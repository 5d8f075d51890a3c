package io.lambdaretail.generate;

/**
 * What one written file holds.
 *
 * @param dataset data set the file belongs to
 * @param lines data lines (CSV headers not counted)
 * @param badLines malformed lines among them
 * @param bytesUncompressed bytes before compression
 * @param bytesWritten bytes on disk
 * @param xzBlocks xz blocks, 0 for plain files
 */
record FileStats(
    String dataset,
    long lines,
    long badLines,
    long bytesUncompressed,
    long bytesWritten,
    long xzBlocks) {

  static FileStats plain(String dataset, long lines, long bytes) {
    return new FileStats(dataset, lines, 0, bytes, bytes, 0);
  }
}
