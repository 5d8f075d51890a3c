package io.lambdaretail.recs;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The item ids a scorer ranks, in score-column order, and the way back from id to column. */
final class ItemSpace implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String[] ids;
  private final Map<String, Integer> columns;

  ItemSpace(String[] ids) {
    this.ids = ids.clone();
    this.columns = new HashMap<>(ids.length * 2);
    for (int i = 0; i < ids.length; i++) {
      columns.put(ids[i], i);
    }
  }

  int size() {
    return ids.length;
  }

  String id(int column) {
    return ids[column];
  }

  /** The column of an item id, or -1 when the scorer cannot rank it. */
  int column(String id) {
    Integer c = columns.get(id);
    return c == null ? -1 : c;
  }

  /** Sets the scores of the listed items to -Infinity so that no ranking returns them. */
  void exclude(float[] scores, List<String> itemIds) {
    if (itemIds == null) {
      return;
    }
    for (String id : itemIds) {
      int c = column(id);
      if (c >= 0) {
        scores[c] = Float.NEGATIVE_INFINITY;
      }
    }
  }
}
