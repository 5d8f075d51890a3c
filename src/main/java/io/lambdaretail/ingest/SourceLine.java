package io.lambdaretail.ingest;

import java.io.Serializable;

/**
 * One line of an input file, or a read error.
 *
 * @param file the file's URI
 * @param position uncompressed byte offset of the line in the file (for a read error: the offset of
 *     the last line read before the failure, 0 if none)
 * @param text the line without its terminator, or null for a read error
 * @param error why the rest of the file could not be read, or null
 */
public record SourceLine(String file, long position, String text, String error)
    implements Serializable {
  static SourceLine of(String file, long position, String text) {
    return new SourceLine(file, position, text, null);
  }

  static SourceLine readError(String file, long position, String error) {
    return new SourceLine(file, position, null, error);
  }
}
