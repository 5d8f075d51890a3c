package io.lambdaretail.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdaretail.cli.ExitCodes;
import io.lambdaretail.report.HtmlReport;
import io.lambdaretail.report.LineChart;
import io.lambdaretail.report.Series;
import io.lambdaretail.testing.SharedSpark;
import java.awt.image.BufferedImage;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Report pages opened in headless Chromium (Debian's, installed by the build) draw their charts: a
 * hand-made one and the report.html of a real train-sales run on generated tiny sales.
 */
@ExtendWith(SharedSpark.class)
class ReportRenderIT {
  private static final String CHROMIUM = System.getProperty("lr.chromium", "/usr/bin/chromium");
  @TempDir Path dir;

  @Test
  void chromiumRendersTheChartsOfAReport() throws Exception {
    double[] k = {1, 5, 10, 20};
    String page =
        new HtmlReport("ALS <model> report")
            .table(List.of("metric", "model"), List.of(List.of("ndcg@10", 0.25)))
            .chart(
                LineChart.svg(
                    "precision@k",
                    "k",
                    "precision",
                    List.of(
                        new Series("als", k, new double[] {0.3, 0.2, 0.15, 0.1}),
                        new Series("popularity", k, new double[] {0.1, 0.08, 0.06, 0.05}))))
            .write(new Configuration(), dir.toString());

    String dom = chromium("--dump-dom", "file://" + page);
    assertThat(dom).contains("<title>ALS &lt;model&gt; report</title>");
    assertThat(dom.split("<polyline class=\"series\"", -1)).hasSize(3);
    assertThat(dom).contains("data-series=\"popularity\"").contains(">precision@k</text>");

    Path png = dir.resolve("page.png");
    chromium("--screenshot=" + png, "--window-size=800,700", "file://" + page);
    BufferedImage image = ImageIO.read(png.toFile());
    // the two series' colours are drawn: the lines are on the page, not just in its source
    assertThat(countPixels(image, 0x1f77b4)).as("blue als line pixels").isGreaterThan(50);
    assertThat(countPixels(image, 0xff7f0e)).as("orange popularity pixels").isGreaterThan(50);
  }

  @Test
  void chromiumRendersTheReportOfARealTrainSalesRun() throws Exception {
    Path csv = SalesFixtures.tinySales(dir.resolve("gen"));
    Path model = dir.resolve("model");
    StringWriter err = new StringWriter();
    int trained =
        SalesFixtures.cli(new StringWriter(), err)
            .execute(
                "train-sales",
                csv.toString(),
                "--model-out",
                model.toString(),
                "--iterations",
                "5");
    assertThat(trained).as("train-sales exit code; stderr: %s", err).isEqualTo(ExitCodes.OK);
    String page = model.resolve("report.html").toString();

    String dom = chromium("--dump-dom", "file://" + page);
    // 3 top products x (actual, predicted) + the error chart's ours, original, seasonal-naive
    assertThat(dom.split("<polyline class=\"series\"", -1)).as("polylines").hasSize(10);
    assertThat(dom.split("<svg", -1)).as("charts").hasSize(5);
    assertThat(dom)
        .contains("data-series=\"seasonal-naive\"")
        .contains(">RMSE by holdout month</text>")
        .contains("<td>seasonal-naive</td>");

    Path png = dir.resolve("sales.png");
    chromium("--screenshot=" + png, "--window-size=900,2400", "file://" + page);
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(countPixels(image, 0x1f77b4)).as("blue actual/ours pixels").isGreaterThan(100);
    assertThat(countPixels(image, 0xff7f0e)).as("orange predicted/original").isGreaterThan(100);
    assertThat(countPixels(image, 0x2ca02c))
        .as("green seasonal-naive pixels: the error chart at the bottom is drawn")
        .isGreaterThan(30);
  }

  private static long countPixels(BufferedImage image, int rgb) {
    long n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if (close(image.getRGB(x, y) & 0xffffff, rgb)) {
          n++;
        }
      }
    }
    return n;
  }

  private static boolean close(int a, int b) {
    for (int shift = 0; shift <= 16; shift += 8) {
      if (Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff)) > 40) {
        return false;
      }
    }
    return true;
  }

  private String chromium(String... args) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(dir, "chromium")));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "chromium", ".out");
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(out.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("chromium finished").isTrue();
    assertThat(p.exitValue()).as("chromium exit code").isZero();
    return Files.readString(out, StandardCharsets.UTF_8);
  }
}
