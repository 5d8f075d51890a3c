package io.lambdaretail.produce;

import io.lambdaretail.generate.EventFeed;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;
import org.tukaani.xz.XZInputStream;

/** The lines {@code produce} sends: a file's (plain, .gz or .xz) or generated events. */
final class LineSource implements Iterator<String>, AutoCloseable {
  private final BufferedReader reader;
  private final Iterator<String> generated;
  private long remaining;
  private String next;

  private LineSource(BufferedReader reader, Iterator<String> generated, long limit) {
    this.reader = reader;
    this.generated = generated;
    this.remaining = limit;
  }

  static LineSource open(ProduceOptions options) {
    if (options.input() != null) {
      return new LineSource(reader(options.input()), null, Long.MAX_VALUE);
    }
    EventFeed feed = new EventFeed(options.scale(), options.seed(), options.transactions());
    return new LineSource(null, feed, options.generate());
  }

  private static BufferedReader reader(Path file) {
    try {
      InputStream in = Files.newInputStream(file);
      String name = file.getFileName().toString();
      if (name.endsWith(".xz")) {
        in = new XZInputStream(in);
      } else if (name.endsWith(".gz")) {
        in = new GZIPInputStream(in);
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean hasNext() {
    if (next != null) {
      return true;
    }
    if (remaining <= 0) {
      return false;
    }
    next = reader != null ? readLine() : generated.hasNext() ? generated.next() : null;
    if (next != null) {
      remaining--;
    }
    return next != null;
  }

  @Override
  public String next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more lines");
    }
    String line = next;
    next = null;
    return line;
  }

  private String readLine() {
    try {
      String line = reader.readLine();
      // blank lines carry no record: skip them rather than send empty messages
      while (line != null && line.isBlank()) {
        line = reader.readLine();
      }
      return line;
    } catch (IOException e) {
      throw new UncheckedIOException("while reading the input: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws IOException {
    if (reader != null) {
      reader.close();
    }
  }
}
