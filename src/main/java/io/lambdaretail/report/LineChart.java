package io.lambdaretail.report;

import java.util.List;
import java.util.Locale;

/**
 * A line chart as an inline SVG element: axes with five ticks each, one polyline and marker set per
 * series, a legend. Hand-written because a chart library would bring scripts or a renderer for a
 * few dozen lines of SVG.
 */
public final class LineChart {
  private static final String[] COLORS = {
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"
  };
  private static final int WIDTH = 640;
  private static final int HEIGHT = 360;
  private static final int LEFT = 60;
  private static final int RIGHT = 160;
  private static final int TOP = 30;
  private static final int BOTTOM = 45;
  private static final int TICKS = 5;

  private LineChart() {}

  /** The SVG markup of the chart; an empty series list gives an empty frame. */
  public static String svg(String title, String xLabel, String yLabel, List<Series> series) {
    Bounds b = Bounds.of(series);
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\""
                + " width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">%n",
            WIDTH,
            HEIGHT,
            WIDTH,
            HEIGHT,
            Html.escape(title)));
    s.append(text(WIDTH / 2.0 - RIGHT / 2.0, 18, "middle", "title", title));
    axes(s, b, xLabel, yLabel);
    for (int i = 0; i < series.size(); i++) {
      line(s, b, series.get(i), COLORS[i % COLORS.length], i);
    }
    return s.append("</svg>\n").toString();
  }

  private static void axes(StringBuilder s, Bounds b, String xLabel, String yLabel) {
    int x0 = LEFT;
    int y0 = HEIGHT - BOTTOM;
    s.append(
        String.format(
            Locale.ROOT,
            "<path class=\"axes\" d=\"M%d %dV%dH%d\" stroke=\"#333\" fill=\"none\"/>%n",
            x0,
            TOP,
            y0,
            WIDTH - RIGHT));
    for (int t = 0; t <= TICKS; t++) {
      double xv = b.minX + (b.maxX - b.minX) * t / TICKS;
      double yv = b.minY + (b.maxY - b.minY) * t / TICKS;
      s.append(text(px(b, xv), y0 + 16, "middle", "tick", number(xv)));
      s.append(text(x0 - 6, py(b, yv) + 4, "end", "tick", number(yv)));
      s.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>%n",
              x0,
              WIDTH - RIGHT,
              py(b, yv),
              py(b, yv)));
    }
    s.append(text((x0 + WIDTH - RIGHT) / 2.0, HEIGHT - 8, "middle", "label", xLabel));
    s.append(
        String.format(
            Locale.ROOT,
            "<text x=\"14\" y=\"%d\" text-anchor=\"middle\" class=\"label\""
                + " transform=\"rotate(-90 14 %d)\">%s</text>%n",
            (TOP + y0) / 2,
            (TOP + y0) / 2,
            Html.escape(yLabel)));
  }

  private static void line(StringBuilder s, Bounds b, Series series, String color, int index) {
    StringBuilder points = new StringBuilder();
    for (int i = 0; i < series.x().length; i++) {
      points.append(
          String.format(Locale.ROOT, "%.1f,%.1f ", px(b, series.x()[i]), py(b, series.y()[i])));
    }
    s.append(
        String.format(
            Locale.ROOT,
            "<polyline class=\"series\" data-series=\"%s\" points=\"%s\" fill=\"none\""
                + " stroke=\"%s\" stroke-width=\"2\"/>%n",
            Html.escape(series.name()),
            points.toString().trim(),
            color));
    int ly = TOP + 10 + 18 * index;
    s.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"3\" fill=\"%s\"/>%n",
            WIDTH - RIGHT + 12,
            ly - 4,
            color));
    s.append(text(WIDTH - RIGHT + 30, ly, "start", "legend", series.name()));
  }

  private static String text(double x, double y, String anchor, String cls, String content) {
    return String.format(
        Locale.ROOT,
        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" class=\"%s\">%s</text>%n",
        x,
        y,
        anchor,
        cls,
        Html.escape(content));
  }

  private static double px(Bounds b, double x) {
    return LEFT + (x - b.minX) / (b.maxX - b.minX) * (WIDTH - LEFT - RIGHT);
  }

  private static double py(Bounds b, double y) {
    return HEIGHT - BOTTOM - (y - b.minY) / (b.maxY - b.minY) * (HEIGHT - TOP - BOTTOM);
  }

  private static String number(double v) {
    double a = Math.abs(v);
    if (a >= 1000 || v == Math.rint(v)) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    return String.format(Locale.ROOT, a >= 10 ? "%.1f" : "%.3f", v);
  }

  /** Data ranges, widened so that a flat or empty series still has a non-empty frame. */
  private record Bounds(double minX, double maxX, double minY, double maxY) {
    static Bounds of(List<Series> series) {
      double minX = Double.POSITIVE_INFINITY;
      double maxX = Double.NEGATIVE_INFINITY;
      double maxY = Double.NEGATIVE_INFINITY;
      double minY = 0; // y from zero: errors and precisions read honestly
      for (Series s : series) {
        for (int i = 0; i < s.x().length; i++) {
          minX = Math.min(minX, s.x()[i]);
          maxX = Math.max(maxX, s.x()[i]);
          minY = Math.min(minY, s.y()[i]);
          maxY = Math.max(maxY, s.y()[i]);
        }
      }
      if (!(minX < maxX)) {
        minX = Double.isInfinite(minX) ? 0 : minX - 1;
        maxX = minX + 2;
      }
      if (!(minY < maxY)) {
        maxY = minY + 1;
      }
      return new Bounds(minX, maxX, minY, maxY);
    }
  }
}
