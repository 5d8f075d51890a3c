package io.lambdaretail.ingest;

import io.lambdaretail.io.xz.XzBlocks;
import io.lambdaretail.io.xz.XzCodec;
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
 * Hadoop's {@code LineRecordReader}, whose boundary rules give every line to exactly one unit.
 *
 * <p>Damage never loses more than it must: a read failure becomes one error line (where and why),
 * after every line read before it. In a multi-block xz file the reader then resumes at the next
 * block, so one corrupt block costs only its own lines (and the line crossing into it). When a
 * damaged xz file cannot be split at all (its index is unreadable, e.g. truncated), its first unit
 * reads it from the start up to the damage and the other units yield nothing.
 */
final class UnitReader {
  private final Configuration conf;

  UnitReader(Configuration conf) {
    this.conf = conf;
  }

  /** The unit's lines, lazily. */
  Iterator<SourceLine> read(ReadUnit unit) {
    try {
      return open(unit);
    } catch (IOException e) {
      throw new UncheckedIOException("while opening " + unit.file(), e);
    }
  }

  private Iterator<SourceLine> open(ReadUnit unit) throws IOException {
    if (unit.length() == 0) {
      return Collections.emptyIterator();
    }
    Path path = new Path(unit.file());
    CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(path);
    if (!unit.splittable()) {
      return wholeFile(path, unit.file(), codec);
    }
    if (!(codec instanceof XzCodec)) {
      return new Lines(new Split(path, unit, unit.start(), null));
    }
    XzBlocks blocks;
    try {
      blocks = XzBlocks.read(path.getFileSystem(conf), path);
    } catch (IOException e) {
      return unit.start() == 0 ? wholeFile(path, unit.file(), codec) : Collections.emptyIterator();
    }
    try {
      return new Lines(new Split(path, unit, unit.start(), blocks));
    } catch (IOException e) {
      return List.of(SourceLine.readError(unit.file(), 0, describe(e))).iterator();
    }
  }

  private Iterator<SourceLine> wholeFile(Path path, String file, CompressionCodec codec) {
    try {
      return new Lines(new WholeFile(path, file, codec));
    } catch (IOException e) {
      // e.g. a gzip file with a broken header: nothing readable, say so in the quarantine
      return List.of(SourceLine.readError(file, 0, describe(e))).iterator();
    }
  }

  /** Yields lines until it returns null; a failure may be followed by more lines (resume). */
  private interface LineSource {
    SourceLine next() throws IOException;

    /** After a failure at {@code lastPosition}: true if reading can go on past the damage. */
    boolean resumeAfterFailure(long lastPosition) throws IOException;

    String file();

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
    public boolean resumeAfterFailure(long lastPosition) {
      return false;
    }

    @Override
    public String file() {
      return file;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /** A split of a plain file, or of a multi-block xz file (then resumable block by block). */
  private final class Split implements LineSource {
    private final Path path;
    private final ReadUnit unit;
    private final XzBlocks blocks;
    private LineRecordReader reader;
    private int firstBlock;

    Split(Path path, ReadUnit unit, long start, XzBlocks blocks) throws IOException {
      this.path = path;
      this.unit = unit;
      this.blocks = blocks;
      openAt(start);
    }

    private void openAt(long start) throws IOException {
      long end = unit.start() + unit.length();
      firstBlock = blocks == null ? 0 : blocks.firstStartingAtOrAfter(start);
      reader = new LineRecordReader();
      reader.initialize(
          new FileSplit(path, start, end - start, null),
          new TaskAttemptContextImpl(conf, new TaskAttemptID()));
    }

    @Override
    public SourceLine next() throws IOException {
      if (!reader.nextKeyValue()) {
        return null;
      }
      long key = reader.getCurrentKey().get();
      long position = blocks == null ? key : blocks.uncompressedOffset(firstBlock, key);
      return SourceLine.of(unit.file(), position, reader.getCurrentValue().toString());
    }

    @Override
    public boolean resumeAfterFailure(long lastPosition) throws IOException {
      if (blocks == null || blocks.count() == 0) {
        return false;
      }
      reader.close();
      long end = unit.start() + unit.length();
      // the first block after the last good line that opens cleanly; always forward, so a run of
      // damaged blocks ends (opening reads into the block to skip its partial first line)
      for (int next = Math.max(firstBlock, blocks.containing(lastPosition)) + 1;
          next < blocks.count() && blocks.compressedStart(next) < end;
          next++) {
        try {
          openAt(blocks.compressedStart(next));
          return true;
        } catch (IOException e) {
          reader.close();
        }
      }
      return false;
    }

    @Override
    public String file() {
      return unit.file();
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }

  /** Lookahead iterator; turns each read failure into an error line and closes at the end. */
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
        next = SourceLine.readError(source.file(), lastPosition, describe(e));
        if (resume()) {
          return;
        }
      }
      done = true;
      close();
    }

    private boolean resume() {
      try {
        return source.resumeAfterFailure(lastPosition);
      } catch (IOException e) {
        return false;
      }
    }

    private void close() {
      try {
        source.close();
      } catch (IOException e) {
        throw new UncheckedIOException("while closing " + source.file(), e);
      }
    }
  }

  private static String describe(IOException e) {
    String message = e.getMessage() == null ? "" : e.getMessage().split("\\R", 2)[0];
    return e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
  }
}
