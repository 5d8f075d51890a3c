package io.lambdaretail.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The quarantine's partition key for an input file: a short SHA-1 of its URI, so a rerun can
 * replace exactly the quarantine rows of the files it read (a URI is no good directory name).
 */
final class FileIds {
  private FileIds() {}

  static String of(String file) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1").digest(file.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is missing from this JVM", e);
    }
  }
}
