package io.lambdaretail.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/** A self-contained HTML page of headings, tables and inline SVG charts. */
public final class HtmlReport {
  public static final String FILE_NAME = "report.html";
  private static final String STYLE =
      "body{font-family:sans-serif;margin:2em;max-width:60em;color:#222}"
          + "table{border-collapse:collapse;margin:1em 0}"
          + "td,th{border:1px solid #ccc;padding:.3em .6em;text-align:right}"
          + "th:first-child,td:first-child{text-align:left}"
          + "svg text{font-size:12px}svg .title{font-size:14px;font-weight:bold}";
  private final StringBuilder body = new StringBuilder();
  private final String title;

  public HtmlReport(String title) {
    this.title = title;
    body.append("<h1>").append(Html.escape(title)).append("</h1>\n");
  }

  public HtmlReport heading(String text) {
    body.append("<h2>").append(Html.escape(text)).append("</h2>\n");
    return this;
  }

  public HtmlReport paragraph(String text) {
    body.append("<p>").append(Html.escape(text)).append("</p>\n");
    return this;
  }

  /** A table; numbers are shown with up to four decimals. */
  public HtmlReport table(List<String> header, List<List<Object>> rows) {
    body.append("<table>\n<tr>");
    header.forEach(h -> body.append("<th>").append(Html.escape(h)).append("</th>"));
    body.append("</tr>\n");
    for (List<Object> row : rows) {
      body.append("<tr>");
      row.forEach(v -> body.append("<td>").append(Html.escape(cell(v))).append("</td>"));
      body.append("</tr>\n");
    }
    body.append("</table>\n");
    return this;
  }

  /** An SVG element from {@link LineChart}. */
  public HtmlReport chart(String svg) {
    body.append("<figure>").append(svg).append("</figure>\n");
    return this;
  }

  public String html() {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
        + Html.escape(title)
        + "</title><style>"
        + STYLE
        + "</style></head><body>\n"
        + body
        + "</body></html>\n";
  }

  /** Writes {@code report.html} into {@code dir} (local, s3a://, hdfs://); returns its path. */
  public String write(Configuration conf, String dir) {
    Path file = new Path(dir, FILE_NAME);
    try (OutputStream out = file.getFileSystem(conf).create(file, true)) {
      out.write(html().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
    return file.toString();
  }

  private static String cell(Object v) {
    if (v instanceof Double d) {
      return String.format(java.util.Locale.ROOT, "%.4f", d);
    }
    return String.valueOf(v);
  }
}
