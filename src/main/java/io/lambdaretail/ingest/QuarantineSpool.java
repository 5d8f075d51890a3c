package io.lambdaretail.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Bad lines of one task, written as JSON lines beside the quarantine table while the good rows
 * stream into the main table; the job turns the spool into the quarantine table afterwards. This
 * keeps the input to one read without caching it. A task attempt writes its own file and renames it
 * to its partition's name when it succeeds, so a retried task leaves one file, not two.
 */
final class QuarantineSpool implements AutoCloseable {
  private static final JsonFactory JSON = new JsonFactory();

  private final Configuration conf;
  private final Path attemptFile;
  private final Path finalFile;
  private OutputStream out;
  private JsonGenerator json;

  QuarantineSpool(Configuration conf, String spoolDir, int partition, int attempt) {
    this.conf = conf;
    this.finalFile = new Path(spoolDir, String.format("part-%05d.json", partition));
    this.attemptFile =
        new Path(spoolDir, String.format("_attempt-%05d-%d.tmp", partition, attempt));
  }

  void add(SourceLine line, String reason) {
    try {
      if (json == null) {
        out = attemptFile.getFileSystem(conf).create(attemptFile, true);
        json = JSON.createGenerator(out);
      }
      json.writeStartObject();
      json.writeStringField("file", line.file());
      json.writeStringField("file_id", FileIds.of(line.file()));
      json.writeNumberField("position", line.position());
      json.writeStringField("raw", line.text());
      json.writeStringField("reason", reason);
      json.writeEndObject();
      json.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the quarantine spool " + attemptFile, e);
    }
  }

  /** Publishes this attempt's file (nothing when the task saw no bad line). */
  @Override
  public void close() {
    if (json == null) {
      return;
    }
    try {
      json.close();
      out.close();
      FileSystem fs = finalFile.getFileSystem(conf);
      fs.delete(finalFile, false);
      if (!fs.rename(attemptFile, finalFile)) {
        throw new IOException("rename to " + finalFile + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot publish the quarantine spool " + attemptFile, e);
    }
  }
}
