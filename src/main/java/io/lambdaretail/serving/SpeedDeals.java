package io.lambdaretail.serving;

import io.lambdaretail.serving.SpeedUpdates.DealKey;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.GroupState;

/**
 * One deal's latest version, by event time ({@code updated_at}), then Kafka partition and offset,
 * as {@link DealVersions} orders them. A deal's discount and price are part of its row key, so the
 * keys of its other versions seen (and the one last written) are deleted. The state keeps the
 * latest version only, for as long as the job runs: a deal catalogue is small.
 */
final class SpeedDeals {
  private SpeedDeals() {}

  static void update(String id, List<Row> versions, GroupState<SpeedState> state, List<Row> out) {
    if (versions.isEmpty()) {
      return;
    }
    SpeedState s = state.exists() ? state.get() : null;
    Set<DealKey> seen = new LinkedHashSet<>();
    if (s != null) {
      seen.add(written(s));
    }
    Row latest = null;
    for (Row v : versions) {
      seen.add(key(v));
      if (newer(v, latest == null ? s : null, latest)) {
        latest = v;
      }
    }
    DealKey current = latest == null ? written(s) : write(id, latest, state, out);
    for (DealKey k : seen) {
      if (k.complete() && !k.equals(current)) {
        out.add(SpeedUpdates.dealDelete(id, k));
      }
    }
  }

  /** Keeps the version as the deal's latest and emits its row; returns its key. */
  private static DealKey write(String id, Row latest, GroupState<SpeedState> state, List<Row> out) {
    DealKey current = key(latest);
    SpeedState s = new SpeedState();
    s.setDeal(latest.getAs(SpeedEvents.DEAL));
    s.setDealTime(latest.<Long>getAs(SpeedEvents.EVENT_MS));
    s.setDealPartition(latest.<Integer>getAs(SpeedEvents.PARTITION));
    s.setDealOffset(latest.<Long>getAs(SpeedEvents.OFFSET));
    s.setDealSubCategory(current.subCategory());
    s.setDealDiscount(current.discount());
    s.setDealPrice(current.price());
    state.update(s);
    out.add(
        SpeedUpdates.deal(
            id, s.getDeal(), current.subCategory(), current.discount(), current.price()));
    return current;
  }

  private static DealKey written(SpeedState s) {
    return new DealKey(s.getDealSubCategory(), s.getDealDiscount(), s.getDealPrice());
  }

  private static DealKey key(Row v) {
    return new DealKey(
        v.getAs(SpeedEvents.SUB_CATEGORY),
        v.getAs(SpeedEvents.DISCOUNT),
        v.getAs(SpeedEvents.PRICE));
  }

  /** Whether version {@code v} is newer than the stored one {@code s}, or the row {@code r}. */
  private static boolean newer(Row v, SpeedState s, Row r) {
    long time = v.<Long>getAs(SpeedEvents.EVENT_MS);
    int partition = v.<Integer>getAs(SpeedEvents.PARTITION);
    long offset = v.<Long>getAs(SpeedEvents.OFFSET);
    if (r != null) {
      return compare(
              time,
              partition,
              offset,
              r.<Long>getAs(SpeedEvents.EVENT_MS),
              r.<Integer>getAs(SpeedEvents.PARTITION),
              r.<Long>getAs(SpeedEvents.OFFSET))
          > 0;
    }
    if (s != null) {
      return compare(
              time, partition, offset, s.getDealTime(), s.getDealPartition(), s.getDealOffset())
          > 0;
    }
    return true;
  }

  private static int compare(long t1, int p1, long o1, long t2, int p2, long o2) {
    int c = Long.compare(t1, t2);
    if (c == 0) {
      c = Integer.compare(p1, p2);
    }
    return c == 0 ? Long.compare(o1, o2) : c;
  }
}
