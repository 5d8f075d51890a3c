package io.lambdaretail.sales;

import io.lambdaretail.config.Errors;
import java.util.Locale;

/**
 * What {@link SalesPredictionJob} reads and writes; checked on construction, before Spark starts.
 *
 * @param model a {@code train-sales} model directory ({@code --model})
 * @param input CSV with {@code store_id}, {@code product_id} and {@code date} or {@code year} and
 *     {@code month} ({@code --input})
 * @param output where the predictions go, replaced on each run ({@code --output})
 * @param format {@code csv} or {@code parquet} ({@code --format}, default csv)
 * @param cassandra where the predictions also go ({@code --cassandra-host}, {@code
 *     --cassandra-port}, {@code --keyspace}); null for none
 */
public record SalesPredictionOptions(
    String model, String input, String output, Format format, SalesForecastTable.Target cassandra) {

  /** Output format of the predictions. */
  public enum Format {
    CSV,
    PARQUET;

    /** {@code csv} or {@code parquet}, case-insensitive. */
    public static Format parse(String value) {
      String key = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
      for (Format f : values()) {
        if (f.name().equals(key)) {
          return f;
        }
      }
      throw Errors.invalid("--format", value, "use csv or parquet.");
    }

    String sparkName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public SalesPredictionOptions {
    requirePath("--model", model, "e.g. --model models/sales.");
    requirePath("--input", input, "e.g. --input data/to_predict.csv.");
    requirePath("--output", output, "e.g. --output data/predictions.");
    if (format == null) {
      format = Format.CSV;
    }
  }

  private static void requirePath(String option, String value, String example) {
    if (value == null || value.isBlank()) {
      throw Errors.invalid(option, value, "this option is required; " + example);
    }
  }
}
