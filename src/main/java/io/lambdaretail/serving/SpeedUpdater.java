package io.lambdaretail.serving;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapGroupsWithStateFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.GroupState;
import scala.Tuple3;

/**
 * The speed layer's state function, one call per key (kind, key, bucket) a micro-batch touches or
 * whose event-time timeout passed. Events older than the watermark are counted and skipped (the
 * lake has them; {@code serve} counts them in the batch view). Each call emits absolute values, so
 * a batch replayed from the checkpoint's state emits the same rows.
 */
final class SpeedUpdater
    implements FlatMapGroupsWithStateFunction<Tuple3<String, String, Long>, Row, SpeedState, Row> {
  private static final long serialVersionUID = 1L;

  private final long trendWindowMs;
  private final long sessionGapMs;

  SpeedUpdater(Duration trendWindow, Duration sessionGap) {
    this.trendWindowMs = trendWindow.toMillis();
    this.sessionGapMs = sessionGap.toMillis();
  }

  @Override
  public Iterator<Row> call(
      Tuple3<String, String, Long> key, Iterator<Row> rows, GroupState<SpeedState> state) {
    SpeedKind kind = SpeedKind.valueOf(key._1());
    long watermark = state.getCurrentWatermarkMs();
    List<Row> onTime = new ArrayList<>();
    long late = 0;
    while (rows.hasNext()) {
      Row r = rows.next();
      if (r.<Long>getAs(SpeedEvents.EVENT_MS) < watermark) {
        late += r.<Boolean>getAs(SpeedEvents.FIRST) ? 1 : 0;
      } else {
        onTime.add(r);
      }
    }
    List<Row> out = new ArrayList<>();
    if (late > 0) {
      out.add(SpeedUpdates.late(kind, key._2(), late));
    }
    switch (kind) {
      case ACTIVITY ->
          SpeedCounters.update(
              kind, key._2(), key._3(), SpeedEvents.HOUR_MS, onTime, state, watermark, out);
      case TREND ->
          SpeedCounters.update(
              kind, key._2(), key._3(), trendWindowMs, onTime, state, watermark, out);
      case SESSION ->
          new SpeedSessions(sessionGapMs).update(key._2(), onTime, state, watermark, out);
      case DEAL -> SpeedDeals.update(key._2(), onTime, state, out);
    }
    return out.iterator();
  }
}
