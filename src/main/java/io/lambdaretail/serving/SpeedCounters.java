package io.lambdaretail.serving;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.GroupState;

/**
 * Views, purchases, units and revenue of one product hour or category window. Purchases count
 * distinct orders: an order's lines count once each, and an order Kafka delivers again (same id, in
 * this or a later batch) adds nothing. The state lives until the watermark passes the bucket's end,
 * when no event of the bucket can still be counted.
 */
final class SpeedCounters {
  private SpeedCounters() {}

  static void update(
      SpeedKind kind,
      String key,
      long bucket,
      long widthMs,
      List<Row> events,
      GroupState<SpeedState> state,
      long watermark,
      List<Row> out) {
    if (state.hasTimedOut()) {
      state.remove();
      return;
    }
    SpeedState s = state.exists() ? state.get() : new SpeedState();
    boolean changed = count(events, s);
    long end = bucket + widthMs;
    if (changed) {
      out.add(SpeedUpdates.totals(kind, key, bucket, s));
    }
    if (!state.exists() && !changed) {
      return; // late events only: nothing to keep
    }
    if (end <= watermark || end <= 0) {
      state.remove(); // the bucket is closed already: nothing more can be counted in it
    } else {
      state.update(s);
      state.setTimeoutTimestamp(end);
    }
  }

  /** Adds the events to the totals; whether any counted. */
  private static boolean count(List<Row> events, SpeedState s) {
    boolean changed = false;
    Set<String> counted = new HashSet<>(s.getOrders());
    Map<String, Set<Integer>> lines = new HashMap<>();
    for (Row e : events) {
      String order = e.getAs(SpeedEvents.ORDER);
      if (order == null) {
        s.setViews(s.getViews() + 1);
        changed = true;
      } else if (!counted.contains(order)
          && lines.computeIfAbsent(order, o -> new HashSet<>()).add(e.getAs(SpeedEvents.LINE))) {
        if (lines.get(order).size() == 1) {
          s.setPurchases(s.getPurchases() + 1);
          s.getOrders().add(order);
        }
        s.setUnits(s.getUnits() + e.<Long>getAs(SpeedEvents.UNITS));
        s.setRevenue(s.getRevenue() + e.<Double>getAs(SpeedEvents.REVENUE));
        changed = true;
      }
    }
    return changed;
  }
}
