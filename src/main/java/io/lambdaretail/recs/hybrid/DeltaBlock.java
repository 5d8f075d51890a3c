package io.lambdaretail.recs.hybrid;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Changes one partition made during an epoch to one block of {@link #BLOCK_ROWS} feature rows of
 * one side: the rows it touched and, per row, the change of embedding, bias and schedule
 * accumulators. Only touched rows travel, so a partition that saw few users sends little.
 */
final class DeltaBlock implements Serializable {
  private static final long serialVersionUID = 1L;
  static final int BLOCK_ROWS = 1024;

  final int partition;
  final int side;
  final int block;
  final int[] rows;
  final float[] emb;
  final float[] bias;
  final float[] embAcc;
  final float[] biasAcc;
  final float[] embMom;
  final float[] biasMom;

  private DeltaBlock(int partition, int side, int block, int[] rows, int k, boolean momentum) {
    this.partition = partition;
    this.side = side;
    this.block = block;
    this.rows = rows;
    emb = new float[rows.length * k];
    bias = new float[rows.length];
    embAcc = new float[rows.length * k];
    biasAcc = new float[rows.length];
    embMom = new float[momentum ? rows.length * k : 0];
    biasMom = new float[momentum ? rows.length : 0];
  }

  long key() {
    return ((long) side << 32) | block;
  }

  /** The blocks a partition changed: {@code after - before} on the touched rows of each side. */
  static List<DeltaBlock> extract(
      int partition, HybridParams before, HybridParams after, boolean[][] touched) {
    List<DeltaBlock> out = new ArrayList<>();
    for (int side : new int[] {Sides.USER, Sides.ITEM}) {
      boolean[] mark = touched[side];
      for (int start = 0; start < mark.length; start += BLOCK_ROWS) {
        int[] rows = touchedRows(mark, start, Math.min(mark.length, start + BLOCK_ROWS));
        if (rows.length > 0) {
          DeltaBlock d =
              new DeltaBlock(
                  partition,
                  side,
                  start / BLOCK_ROWS,
                  rows,
                  before.k,
                  before.side(side).embMom.length > 0);
          d.fill(before.side(side), after.side(side));
          out.add(d);
        }
      }
    }
    return out;
  }

  private static int[] touchedRows(boolean[] mark, int from, int to) {
    int n = 0;
    for (int r = from; r < to; r++) {
      n += mark[r] ? 1 : 0;
    }
    int[] rows = new int[n];
    n = 0;
    for (int r = from; r < to; r++) {
      if (mark[r]) {
        rows[n++] = r;
      }
    }
    return rows;
  }

  private void fill(SideParams before, SideParams after) {
    int k = before.k;
    for (int i = 0; i < rows.length; i++) {
      int r = rows[i];
      for (int c = 0; c < k; c++) {
        emb[i * k + c] = after.emb[r * k + c] - before.emb[r * k + c];
        embAcc[i * k + c] = after.embAcc[r * k + c] - before.embAcc[r * k + c];
        if (embMom.length > 0) {
          embMom[i * k + c] = after.embMom[r * k + c] - before.embMom[r * k + c];
        }
      }
      bias[i] = after.bias[r] - before.bias[r];
      biasAcc[i] = after.biasAcc[r] - before.biasAcc[r];
      if (biasMom.length > 0) {
        biasMom[i] = after.biasMom[r] - before.biasMom[r];
      }
    }
  }

  /**
   * Averages the partitions' changes to one block, row by row over the partitions that touched the
   * row: a row only one partition touched (a user's identity feature: users are partitioned) gets
   * that partition's full change, exactly as in sequential SGD; a row many partitions touched (a
   * popular item, a category) gets the mean, i.e. the parameter of the averaged partition models.
   * Summed in partition order, so the result does not depend on task timing.
   */
  static DeltaBlock average(Iterable<DeltaBlock> parts, int k) {
    List<DeltaBlock> list = new ArrayList<>();
    parts.forEach(list::add);
    list.sort(Comparator.comparingInt(d -> d.partition));
    DeltaBlock first = list.get(0);
    int base = first.block * BLOCK_ROWS;
    int[] count = new int[BLOCK_ROWS];
    for (DeltaBlock d : list) {
      for (int r : d.rows) {
        count[r - base]++;
      }
    }
    int[] rows = touchedRows(count, base);
    DeltaBlock sum = new DeltaBlock(-1, first.side, first.block, rows, k, first.embMom.length > 0);
    int[] slot = new int[BLOCK_ROWS];
    for (int i = 0; i < rows.length; i++) {
      slot[rows[i] - base] = i;
    }
    for (DeltaBlock d : list) {
      for (int i = 0; i < d.rows.length; i++) {
        int at = slot[d.rows[i] - base];
        float share = 1f / count[d.rows[i] - base];
        sum.addRow(at, d, i, share, k);
      }
    }
    return sum;
  }

  private static int[] touchedRows(int[] count, int base) {
    boolean[] mark = new boolean[count.length];
    for (int i = 0; i < count.length; i++) {
      mark[i] = count[i] > 0;
    }
    int[] local = touchedRows(mark, 0, mark.length);
    for (int i = 0; i < local.length; i++) {
      local[i] += base;
    }
    return local;
  }

  private void addRow(int at, DeltaBlock d, int i, float share, int k) {
    for (int c = 0; c < k; c++) {
      emb[at * k + c] += share * d.emb[i * k + c];
      embAcc[at * k + c] += share * d.embAcc[i * k + c];
      if (embMom.length > 0) {
        embMom[at * k + c] += share * d.embMom[i * k + c];
      }
    }
    bias[at] += share * d.bias[i];
    biasAcc[at] += share * d.biasAcc[i];
    if (biasMom.length > 0) {
      biasMom[at] += share * d.biasMom[i];
    }
  }

  /** Adds this (averaged) change to the driver's parameters. */
  void applyTo(HybridParams params) {
    SideParams p = params.side(side);
    int k = p.k;
    for (int i = 0; i < rows.length; i++) {
      int r = rows[i];
      for (int c = 0; c < k; c++) {
        p.emb[r * k + c] += emb[i * k + c];
        p.embAcc[r * k + c] += embAcc[i * k + c];
        if (embMom.length > 0) {
          p.embMom[r * k + c] += embMom[i * k + c];
        }
      }
      p.bias[r] += bias[i];
      p.biasAcc[r] += biasAcc[i];
      if (biasMom.length > 0) {
        p.biasMom[r] += biasMom[i];
      }
    }
  }
}
