package io.lambdaretail.serving;

import io.lambdaretail.serving.SpeedState.SessionSpan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.GroupState;

/**
 * A visitor's sessions: views no more than the gap apart form one session, as {@link Sessions}
 * defines them for the batch view. Open sessions live in the state; one is closed once the
 * watermark is more than the gap past its last view (no view in time can extend it any more),
 * written with status closed and dropped from the state. A view that joins or bridges sessions
 * merges them; a session row whose start moved is deleted, so no stale row stays behind.
 */
final class SpeedSessions {
  private static final Comparator<Row> BY_TIME =
      Comparator.<Row>comparingLong(r -> r.<Long>getAs(SpeedEvents.EVENT_MS))
          .thenComparing(
              r -> r.<String>getAs(SpeedEvents.PRODUCT),
              Comparator.nullsFirst(Comparator.naturalOrder()));

  private final long gapMs;

  SpeedSessions(long gapMs) {
    this.gapMs = gapMs;
  }

  void update(
      String visitor,
      List<Row> views,
      GroupState<SpeedState> state,
      long watermark,
      List<Row> out) {
    if (!state.exists() && views.isEmpty()) {
      return;
    }
    SpeedState s = state.exists() ? state.get() : new SpeedState();
    List<SessionSpan> open = new ArrayList<>();
    for (SessionSpan span : s.getSessions()) {
      if (span.getEnd() + gapMs < watermark) {
        out.add(SpeedUpdates.session(visitor, span, Sessions.CLOSED));
      } else {
        open.add(span);
      }
    }
    Set<Long> written = new HashSet<>();
    open.forEach(span -> written.add(span.getStart()));
    Set<SessionSpan> touched = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Row> sorted = new ArrayList<>(views);
    sorted.sort(BY_TIME);
    for (Row v : sorted) {
      touched.add(add(open, v));
    }
    Set<Long> starts = new HashSet<>();
    open.forEach(span -> starts.add(span.getStart()));
    for (Long start : written) {
      if (!starts.contains(start)) {
        out.add(SpeedUpdates.sessionDelete(visitor, start));
      }
    }
    for (SessionSpan span : open) {
      if (touched.contains(span)) {
        out.add(SpeedUpdates.session(visitor, span, Sessions.OPEN));
      }
    }
    if (open.isEmpty()) {
      state.remove();
      return;
    }
    s.setSessions(open);
    state.update(s);
    state.setTimeoutTimestamp(
        open.stream().mapToLong(SessionSpan::getEnd).min().getAsLong() + gapMs);
  }

  /** Adds the view to the session it falls in, merging the sessions it bridges; returns it. */
  private SessionSpan add(List<SessionSpan> open, Row view) {
    long t = view.<Long>getAs(SpeedEvents.EVENT_MS);
    SessionSpan merged = null;
    for (int i = 0; i < open.size(); i++) {
      SessionSpan span = open.get(i);
      if (t >= span.getStart() - gapMs && t <= span.getEnd() + gapMs) {
        if (merged == null) {
          merged = span;
        } else {
          merge(merged, span);
          open.remove(i--);
        }
      }
    }
    if (merged == null) {
      merged = new SessionSpan();
      merged.setStart(t);
      merged.setEnd(t);
      open.add(merged);
      open.sort(Comparator.comparingLong(SessionSpan::getStart));
    }
    merged.setStart(Math.min(merged.getStart(), t));
    merged.setEnd(Math.max(merged.getEnd(), t));
    merged.setViews(merged.getViews() + 1);
    merged.setAnonymous(merged.isAnonymous() || view.<Boolean>getAs(SpeedEvents.ANONYMOUS));
    addProduct(merged, view.getAs(SpeedEvents.PRODUCT), t);
    return merged;
  }

  private static void merge(SessionSpan into, SessionSpan other) {
    into.setStart(Math.min(into.getStart(), other.getStart()));
    into.setEnd(Math.max(into.getEnd(), other.getEnd()));
    into.setViews(into.getViews() + other.getViews());
    into.setAnonymous(into.isAnonymous() || other.isAnonymous());
    for (int i = 0; i < other.getProducts().size(); i++) {
      addProduct(into, other.getProducts().get(i), other.getFirstSeen().get(i));
    }
  }

  /** Products stay distinct, in order of first view (then id), as the batch view orders them. */
  private static void addProduct(SessionSpan span, String product, long time) {
    if (product == null) {
      return;
    }
    List<String> products = span.getProducts();
    List<Long> seen = span.getFirstSeen();
    int at = products.indexOf(product);
    if (at >= 0) {
      if (seen.get(at) <= time) {
        return;
      }
      products.remove(at);
      seen.remove(at);
    }
    int i = 0;
    while (i < products.size()
        && (seen.get(i) < time
            || (seen.get(i).longValue() == time && products.get(i).compareTo(product) < 0))) {
      i++;
    }
    products.add(i, product);
    seen.add(i, time);
  }
}
