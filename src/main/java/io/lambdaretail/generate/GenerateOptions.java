package io.lambdaretail.generate;

import io.lambdaretail.config.Errors;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Everything {@link GenerateJob} needs; validated on construction so a bad value fails before any
 * file is written.
 *
 * @param out output directory (config key {@code generate.out})
 * @param scale the preset the counts below came from
 * @param users number of registered users ({@code --users})
 * @param products number of products in the catalogue ({@code --products})
 * @param days days of page views and transactions ({@code --days})
 * @param startDate first day of events ({@code --start-date}); sales history ends the day before
 *     {@code startDate + days}
 * @param seed random seed: the same options give byte-identical output ({@code --seed})
 * @param badRatio share of malformed lines mixed into the event files ({@code --bad-ratio})
 * @param xzBlockSize uncompressed bytes per xz block, 0 for auto ({@code --xz-block-size})
 * @param xzPreset xz compression preset 0..9 ({@code --xz-preset})
 * @param threads files written in parallel ({@code --threads})
 * @param overwrite replace what a previous run wrote into {@code out} ({@code --overwrite})
 */
public record GenerateOptions(
    Path out,
    Scale scale,
    int users,
    int products,
    int days,
    LocalDate startDate,
    long seed,
    double badRatio,
    long xzBlockSize,
    int xzPreset,
    int threads,
    boolean overwrite) {

  public GenerateOptions {
    if (out == null) {
      throw Errors.invalid("--out", null, "pass the directory to write, e.g. --out data/sample.");
    }
    requirePositive("--users", users);
    requirePositive("--products", products);
    requirePositive("--days", days);
    requirePositive("--threads", threads);
    if (products < 20) {
      throw Errors.invalid("--products", products, "use at least 20 products.");
    }
    if (!(badRatio >= 0 && badRatio <= 1)) {
      throw Errors.mustBeRatio("--bad-ratio", badRatio);
    }
    if (xzBlockSize != 0 && xzBlockSize < 1024) {
      throw Errors.invalid(
          "--xz-block-size", xzBlockSize, "use 0 (auto) or at least 1024 bytes, e.g. 1048576.");
    }
    if (xzPreset < 0 || xzPreset > 9) {
      throw Errors.invalid("--xz-preset", xzPreset, "use a preset between 0 and 9.");
    }
  }

  private static void requirePositive(String option, long value) {
    if (value < 1) {
      throw Errors.mustBePositive(option, value);
    }
  }

  /** The last day of events (inclusive). */
  public LocalDate endDate() {
    return startDate.plusDays(days - 1L);
  }
}
