package io.lambdaretail.stream;

import java.util.Map;
import org.apache.spark.sql.streaming.SourceProgress;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One log line per micro-batch: rows, rows per second and how far behind the topics it is. */
final class ProgressLogger extends StreamingQueryListener {
  private static final Logger LOG = LoggerFactory.getLogger("io.lambdaretail.stream.progress");

  @Override
  public void onQueryStarted(QueryStartedEvent event) {
    LOG.info("stream started: query id {}, run id {}", event.id(), event.runId());
  }

  @Override
  public void onQueryProgress(QueryProgressEvent event) {
    StreamingQueryProgress p = event.progress();
    String behind = "?";
    for (SourceProgress source : p.sources()) {
      Map<String, String> metrics = source.metrics();
      if (metrics.containsKey("maxOffsetsBehindLatest")) {
        behind = metrics.get("maxOffsetsBehindLatest");
      }
    }
    LOG.info(
        "batch {}: {} rows, {} rows/s, max offsets behind latest {}, {} ms (planning {}, writing"
            + " {}) ({})",
        p.batchId(),
        p.numInputRows(),
        String.format(java.util.Locale.ROOT, "%.0f", p.processedRowsPerSecond()),
        behind,
        p.durationMs().get("triggerExecution"),
        p.durationMs().get("queryPlanning"),
        p.durationMs().get("addBatch"),
        p.name());
    // the whole progress (durations, state operators, sources) for whoever tunes a stream
    LOG.debug("progress of {}: {}", p.name(), p.json());
  }

  @Override
  public void onQueryTerminated(QueryTerminatedEvent event) {
    if (event.exception().isDefined()) {
      LOG.error("stream failed: {}", event.exception().get());
    } else {
      LOG.info("stream stopped");
    }
  }
}
