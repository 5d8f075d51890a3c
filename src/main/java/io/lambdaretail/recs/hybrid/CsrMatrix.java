package io.lambdaretail.recs.hybrid;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A row-normalised sparse feature matrix (compressed sparse rows): row r's features are {@code
 * cols[rowPtr[r]..rowPtr[r+1])} with weights {@code vals[...]}, the absolute weights of a row
 * summing to 1 as LightFM's Dataset builds them, so a row's representation is the weighted mean of
 * its features' embeddings whatever its number of features.
 */
public final class CsrMatrix implements Serializable {
  private static final long serialVersionUID = 1L;

  final int[] rowPtr;
  final int[] cols;
  final float[] vals;
  final int numCols;

  CsrMatrix(int[] rowPtr, int[] cols, float[] vals, int numCols) {
    this.rowPtr = rowPtr;
    this.cols = cols;
    this.vals = vals;
    this.numCols = numCols;
  }

  /**
   * Builds the matrix from (row, col, value) triplets in any order; duplicates are summed and each
   * row is L1-normalised. Rows with no entry stay empty (score from nothing: 0).
   */
  public static CsrMatrix fromTriplets(
      int numRows, int numCols, int[] rows, int[] colsIn, float[] values) {
    if (rows.length != colsIn.length || rows.length != values.length) {
      throw new IllegalArgumentException("triplet arrays differ in length");
    }
    // counting sort by row, then each (short) row sorted by column with duplicates summed
    int[] start = new int[numRows + 1];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i] < 0 || rows[i] >= numRows || colsIn[i] < 0 || colsIn[i] >= numCols) {
        throw new IllegalArgumentException("triplet " + i + " out of range");
      }
      start[rows[i] + 1]++;
    }
    for (int r = 0; r < numRows; r++) {
      start[r + 1] += start[r];
    }
    int[] fill = Arrays.copyOf(start, numRows);
    int[] cols = new int[rows.length];
    float[] vals = new float[rows.length];
    for (int i = 0; i < rows.length; i++) {
      int at = fill[rows[i]]++;
      cols[at] = colsIn[i];
      vals[at] = values[i];
    }
    int[] rowPtr = new int[numRows + 1];
    int n = 0;
    for (int r = 0; r < numRows; r++) {
      n = compactRow(cols, vals, start[r], start[r + 1], n);
      rowPtr[r + 1] = n;
    }
    CsrMatrix m = new CsrMatrix(rowPtr, Arrays.copyOf(cols, n), Arrays.copyOf(vals, n), numCols);
    m.normaliseRows();
    return m;
  }

  /**
   * Sorts cols[from..to) by column (insertion sort: rows are short), sums duplicates, moves to n.
   */
  private static int compactRow(int[] cols, float[] vals, int from, int to, int n) {
    for (int i = from + 1; i < to; i++) {
      int c = cols[i];
      float v = vals[i];
      int j = i - 1;
      while (j >= from && cols[j] > c) {
        cols[j + 1] = cols[j];
        vals[j + 1] = vals[j];
        j--;
      }
      cols[j + 1] = c;
      vals[j + 1] = v;
    }
    int rowStart = n;
    for (int i = from; i < to; i++) {
      if (n > rowStart && cols[n - 1] == cols[i]) {
        vals[n - 1] += vals[i];
      } else {
        cols[n] = cols[i];
        vals[n] = vals[i];
        n++;
      }
    }
    return n;
  }

  private void normaliseRows() {
    for (int r = 0; r < numRows(); r++) {
      double sum = 0;
      for (int j = rowPtr[r]; j < rowPtr[r + 1]; j++) {
        sum += Math.abs(vals[j]);
      }
      for (int j = rowPtr[r]; j < rowPtr[r + 1] && sum > 0; j++) {
        vals[j] = (float) (vals[j] / sum);
      }
    }
  }

  public int numRows() {
    return rowPtr.length - 1;
  }

  public int numCols() {
    return numCols;
  }

  public int nonZeros() {
    return cols.length;
  }

  /** Number of features of a row. */
  public int rowSize(int row) {
    return rowPtr[row + 1] - rowPtr[row];
  }
}
