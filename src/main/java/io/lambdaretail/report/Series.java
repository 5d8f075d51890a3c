package io.lambdaretail.report;

/** One line of a chart: a name for the legend and its points, x ascending. */
public record Series(String name, double[] x, double[] y) {
  public Series {
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "series " + name + ": " + x.length + " x values but " + y.length + " y values");
    }
  }
}
