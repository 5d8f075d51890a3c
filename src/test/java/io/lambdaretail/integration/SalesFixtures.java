package io.lambdaretail.integration;

import io.lambdaretail.cli.Main;
import io.lambdaretail.config.ConfigResolver;
import io.lambdaretail.generate.GenerateJob;
import io.lambdaretail.generate.GenerateOptions;
import io.lambdaretail.generate.Scale;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import picocli.CommandLine;

/** Generated tiny sales (3 stores x 40 products, 2022-07-01 .. 2024-06-30) for the sales ITs. */
final class SalesFixtures {
  private SalesFixtures() {}

  /** Writes the generated data under {@code dir}; returns the sales CSV. */
  static Path tinySales(Path dir) {
    new GenerateJob(
            new GenerateOptions(
                dir, Scale.TINY, 50, 40, 1, LocalDate.of(2024, 6, 30), 7L, 0.0, 0, 1, 2, false))
        .run();
    return dir.resolve("sales/sales.csv");
  }

  /** Store and product of the CSV's first data row. */
  static List<String> firstPair(Path csv) throws IOException {
    String[] first = Files.readAllLines(csv, StandardCharsets.UTF_8).get(1).split(",");
    return List.of(first[3], first[0]);
  }

  /** The real command tree, writing to the given buffers. */
  static CommandLine cli(StringWriter out, StringWriter err) {
    return Main.commandLine(
        new PrintWriter(out, true), new PrintWriter(err, true), ConfigResolver.empty());
  }
}
