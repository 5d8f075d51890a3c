package io.lambdaretail.ingest;

import io.lambdaretail.spark.Schemas;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Row;

/**
 * The work of one read task: stream the lines of its units, parse them, pass good rows on to the
 * table writer, spool bad ones for the quarantine and count both per file. Counts and the spool are
 * published when the task's input is exhausted.
 */
final class PartitionProcessor implements Serializable {
  private static final long serialVersionUID = 1L;

  private final SerializableConf conf;
  private final LineParser parser;
  private final String spoolDir;
  private final IngestStatsAccumulator stats;
  private final int eventDateIndex;

  PartitionProcessor(
      SerializableConf conf, LineParser parser, String spoolDir, IngestStatsAccumulator stats) {
    this.conf = conf;
    this.parser = parser;
    this.spoolDir = spoolDir;
    this.stats = stats;
    this.eventDateIndex = parser.tableSchema().fieldIndex(Schemas.EVENT_DATE);
  }

  Iterator<Row> process(Iterator<List<ReadUnit>> bins) {
    TaskContext task = TaskContext.get();
    QuarantineSpool spool =
        new QuarantineSpool(conf.get(), spoolDir, task.partitionId(), task.attemptNumber());
    IngestStats counts = new IngestStats();
    UnitReader reader = new UnitReader(conf.get());
    Iterator<SourceLine> lines =
        new ConcatIterator<>(
            new ConcatIterator<>(
                new MappedIterator<>(
                    bins, bin -> new MappedIterator<>(bin.iterator(), reader::read))));
    return new GoodRows(lines, spool, counts);
  }

  /** Yields the good rows; on exhaustion publishes the spool and the counts. */
  private final class GoodRows implements Iterator<Row> {
    private final Iterator<SourceLine> lines;
    private final QuarantineSpool spool;
    private final IngestStats counts;
    private Row next;
    private boolean finished;

    GoodRows(Iterator<SourceLine> lines, QuarantineSpool spool, IngestStats counts) {
      this.lines = lines;
      this.spool = spool;
      this.counts = counts;
    }

    @Override
    public boolean hasNext() {
      while (next == null && lines.hasNext()) {
        SourceLine line = lines.next();
        try {
          next = parser.toTableRow(line);
          counts.countGood(line.file(), next.get(eventDateIndex).toString());
        } catch (BadRecordException e) {
          spool.add(line, e.getMessage());
          counts.countBad(line.file());
        }
      }
      if (next == null && !finished) {
        finished = true;
        spool.close();
        stats.add(counts);
      }
      return next != null;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Row row = next;
      next = null;
      return row;
    }
  }
}
