package io.lambdaretail.recs;

import java.util.Arrays;

/** Top-k selection over a score row with a bounded heap: O(n log k), no full sort. */
public final class TopK {
  private TopK() {}

  /**
   * Indices of the {@code k} highest of {@code scores[offset .. offset + n)}, best first, ties by
   * lower index; entries equal to {@code -Infinity} (excluded items) are never returned, so the
   * result may be shorter than {@code k}.
   */
  public static int[] select(float[] scores, int offset, int n, int k) {
    int[] heap = new int[k];
    int size = 0;
    for (int j = 0; j < n; j++) {
      float s = scores[offset + j];
      if (s == Float.NEGATIVE_INFINITY || Float.isNaN(s)) {
        continue;
      }
      if (size < k) {
        heap[size] = j;
        siftUp(heap, size++, scores, offset);
      } else if (better(j, heap[0], scores, offset)) {
        heap[0] = j;
        siftDown(heap, size, scores, offset);
      }
    }
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = heap[i];
    }
    Arrays.sort(order, (a, b) -> better(a, b, scores, offset) ? -1 : a.equals(b) ? 0 : 1);
    int[] top = new int[size];
    for (int i = 0; i < size; i++) {
      top[i] = order[i];
    }
    return top;
  }

  private static boolean better(int a, int b, float[] s, int offset) {
    float x = s[offset + a];
    float y = s[offset + b];
    return x > y || (x == y && a < b);
  }

  // min-heap on "better": the root is the worst kept item
  private static void siftUp(int[] heap, int i, float[] s, int offset) {
    while (i > 0) {
      int parent = (i - 1) / 2;
      if (!better(heap[parent], heap[i], s, offset)) {
        return;
      }
      swap(heap, i, parent);
      i = parent;
    }
  }

  private static void siftDown(int[] heap, int size, float[] s, int offset) {
    int i = 0;
    while (true) {
      int worst = i;
      int l = 2 * i + 1;
      int r = l + 1;
      if (l < size && better(heap[worst], heap[l], s, offset)) {
        worst = l;
      }
      if (r < size && better(heap[worst], heap[r], s, offset)) {
        worst = r;
      }
      if (worst == i) {
        return;
      }
      swap(heap, i, worst);
      i = worst;
    }
  }

  private static void swap(int[] heap, int a, int b) {
    int t = heap[a];
    heap[a] = heap[b];
    heap[b] = t;
  }
}
