package io.lambdaretail.generate;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a CSV file with RFC 4180 quoting (comma separated, fields quoted only when they hold a
 * comma, quote or line break; {@code \n} line ends) and counts its data lines and UTF-8 bytes.
 */
final class CsvWriter implements Closeable {
  private final Path file;
  private final Writer out;
  private final StringBuilder line = new StringBuilder(128);
  private long lines;
  private long bytes;

  CsvWriter(Path file, String... header) {
    this.file = file;
    try {
      this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("while creating " + file, e);
    }
    write(header);
  }

  /** Appends one data line. */
  void row(String... fields) {
    write(fields);
    lines++;
  }

  long lines() {
    return lines;
  }

  /** UTF-8 bytes written so far. */
  long bytes() {
    return bytes;
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("while closing " + file, e);
    }
  }

  private void write(String[] fields) {
    line.setLength(0);
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        line.append(',');
      }
      appendField(fields[i]);
    }
    line.append('\n');
    try {
      out.append(line);
    } catch (IOException e) {
      throw new UncheckedIOException("while writing " + file, e);
    }
    bytes += utf8Length(line);
  }

  private void appendField(String value) {
    if (value.indexOf(',') < 0
        && value.indexOf('"') < 0
        && value.indexOf('\n') < 0
        && value.indexOf('\r') < 0) {
      line.append(value);
      return;
    }
    line.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      line.append(c == '"' ? "\"\"" : String.valueOf(c));
    }
    line.append('"');
  }

  static long utf8Length(CharSequence text) {
    long n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }
}
