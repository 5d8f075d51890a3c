package io.lambdaretail.recs.hybrid;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import scala.Tuple2;

/**
 * One partition's training interactions, all of a user's in the same partition (so "is this item a
 * positive of the user" is a local lookup): sorted by (user, item) without duplicates, with the
 * range of each user's items.
 */
final class PartitionData implements Serializable {
  private static final long serialVersionUID = 1L;

  final int[] users;
  final int[] items;

  /** local user index of each interaction. */
  final int[] local;

  /** interactions of local user l: [userPtr[l], userPtr[l+1]). */
  final int[] userPtr;

  private PartitionData(int[] users, int[] items, int[] local, int[] userPtr) {
    this.users = users;
    this.items = items;
    this.local = local;
    this.userPtr = userPtr;
  }

  /** Sorting makes the layout independent of the order the shuffle delivered the pairs in. */
  static PartitionData build(Iterator<Tuple2<Integer, Integer>> pairs) {
    long[] packed = new long[1024];
    int n = 0;
    while (pairs.hasNext()) {
      Tuple2<Integer, Integer> p = pairs.next();
      if (n == packed.length) {
        packed = Arrays.copyOf(packed, n * 2);
      }
      packed[n++] = ((long) p._1() << 32) | p._2();
    }
    Arrays.sort(packed, 0, n);
    return fromSorted(packed, n);
  }

  static PartitionData of(int[] users, int[] items) {
    long[] packed = new long[users.length];
    for (int i = 0; i < users.length; i++) {
      packed[i] = ((long) users[i] << 32) | items[i];
    }
    Arrays.sort(packed);
    return fromSorted(packed, packed.length);
  }

  private static PartitionData fromSorted(long[] packed, int n) {
    int[] users = new int[n];
    int[] items = new int[n];
    int[] local = new int[n];
    int[] ptr = new int[n + 1];
    int m = 0;
    int localUsers = 0;
    for (int i = 0; i < n; i++) {
      if (i > 0 && packed[i] == packed[i - 1]) {
        continue;
      }
      users[m] = (int) (packed[i] >>> 32);
      items[m] = (int) packed[i];
      if (m == 0 || users[m] != users[m - 1]) {
        ptr[localUsers++] = m;
      }
      local[m] = localUsers - 1;
      m++;
    }
    ptr[localUsers] = m;
    return new PartitionData(
        Arrays.copyOf(users, m),
        Arrays.copyOf(items, m),
        Arrays.copyOf(local, m),
        Arrays.copyOf(ptr, localUsers + 1));
  }

  int size() {
    return users.length;
  }

  boolean isPositive(int localUser, int item) {
    return Arrays.binarySearch(items, userPtr[localUser], userPtr[localUser + 1], item) >= 0;
  }
}
