package io.lambdaretail.ingest;

import io.lambdaretail.io.xz.XzCodec;
import io.lambdaretail.io.xz.XzPositions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.lib.input.LineRecordReader;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.apache.hadoop.util.LineReader;

/**
 * Streams the lines of one {@link ReadUnit} with their uncompressed offsets. A split unit uses
 * Hadoop's {@code LineRecordReader}, whose boundary rules give every line to exactly one unit. A
 * read that fails (a truncated or corrupt file) ends the unit with one error line saying where and
 * why, after every line read before the damage; when a damaged xz file cannot be split at all (its
 * index is unreadable), its first unit reads it from the start instead and the others yield
 * nothing.
 */
final class UnitReader {
  private final Configuration conf;

  UnitReader(Configuration conf) {
    this.conf = conf;
  }

  /** The unit's lines, lazily; opening failures other than a damaged xz index are thrown. */
  Iterator<SourceLine> read(ReadUnit unit) {
    try {
      return open(unit);
    } catch (IOException e) {
      throw new UncheckedIOException("while opening " + unit.file(), e);
    }
  }

  private Iterator<SourceLine> open(ReadUnit unit) throws IOException {
    Path path = new Path(unit.file());
    CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(path);
    if (!unit.splittable()) {
      return wholeFile(path, unit.file(), codec);
    }
    LineRecordReader reader = new LineRecordReader();
    try {
      reader.initialize(
          new FileSplit(path, unit.start(), unit.length(), null),
          new TaskAttemptContextImpl(conf, new TaskAttemptID()));
    } catch (IOException e) {
      reader.close();
      return unit.start() == 0 ? wholeFile(path, unit.file(), codec) : Collections.emptyIterator();
    }
    XzPositions xz =
        codec instanceof XzCodec
            ? XzPositions.forSplit(path.getFileSystem(conf), path, unit.start())
            : null;
    return new Lines(new Split(reader, unit, xz));
  }

  private Iterator<SourceLine> wholeFile(Path path, String file, CompressionCodec codec) {
    try {
      return new Lines(new WholeFile(path, file, codec));
    } catch (IOException e) {
      // e.g. a gzip file with a broken header: nothing readable, say so in the quarantine
      return List.of(SourceLine.readError(file, 0, describe(e))).iterator();
    }
  }

  /** Yields lines until it returns null; reports a read failure as one error line. */
  private interface LineSource {
    SourceLine next() throws IOException;

    void close() throws IOException;
  }

  private final class WholeFile implements LineSource {
    private final String file;
    private final InputStream in;
    private final LineReader lines;
    private final Text text = new Text();
    private long position;

    WholeFile(Path path, String file, CompressionCodec codec) throws IOException {
      this.file = file;
      InputStream raw = path.getFileSystem(conf).open(path);
      this.in = codec == null ? raw : codec.createInputStream(raw);
      this.lines = new LineReader(in, conf);
    }

    @Override
    public SourceLine next() throws IOException {
      int consumed = lines.readLine(text);
      if (consumed == 0) {
        return null;
      }
      SourceLine line = SourceLine.of(file, position, text.toString());
      position += consumed;
      return line;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  private static final class Split implements LineSource {
    private final LineRecordReader reader;
    private final ReadUnit unit;
    private final XzPositions xz;

    Split(LineRecordReader reader, ReadUnit unit, XzPositions xz) {
      this.reader = reader;
      this.unit = unit;
      this.xz = xz;
    }

    @Override
    public SourceLine next() throws IOException {
      if (!reader.nextKeyValue()) {
        return null;
      }
      long key = reader.getCurrentKey().get();
      long position = xz == null ? key : xz.uncompressedOffset(key);
      return SourceLine.of(unit.file(), position, reader.getCurrentValue().toString());
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }

  /** Lookahead iterator; closes the source at the end or after the first read error. */
  private static final class Lines implements Iterator<SourceLine> {
    private final LineSource source;
    private SourceLine next;
    private long lastPosition;
    private boolean done;

    Lines(LineSource source) {
      this.source = source;
    }

    @Override
    public boolean hasNext() {
      if (next == null && !done) {
        advance();
      }
      return next != null;
    }

    @Override
    public SourceLine next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      SourceLine line = next;
      next = null;
      return line;
    }

    private void advance() {
      try {
        next = source.next();
        if (next != null) {
          lastPosition = next.position();
          return;
        }
      } catch (IOException e) {
        next = SourceLine.readError(fileOf(), lastPosition, describe(e));
      }
      done = true;
      close();
    }

    private String fileOf() {
      return source instanceof Split s ? s.unit.file() : ((WholeFile) source).file;
    }

    private void close() {
      try {
        source.close();
      } catch (IOException e) {
        throw new UncheckedIOException("while closing " + fileOf(), e);
      }
    }
  }

  private static String describe(IOException e) {
    String message = e.getMessage() == null ? "" : e.getMessage().split("\\R", 2)[0];
    return e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
  }
}
