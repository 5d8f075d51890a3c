package io.lambdaretail.recs;

import io.lambdaretail.config.Errors;
import java.util.Locale;

/**
 * What {@link RecommendJob} reads and writes; checked on construction, before Spark starts.
 *
 * @param model a recommender's {@code --model-out} directory ({@code --model})
 * @param k list length ({@code --k}, default 10)
 * @param users ids to recommend for ({@code --users}: one id a line, a header line {@code user_id}
 *     or {@code browser_id} is skipped; or Parquet with a {@code user_id} column); null: every user
 *     the model knows
 * @param out output directory ({@code --out}), may be null when writing only to Cassandra
 * @param format {@code ndjson.xz} (default) or {@code parquet} ({@code --format})
 * @param exclude {@code bought} (default), {@code seen} or {@code none} ({@code --exclude})
 * @param cassandra where else to write, or null
 */
public record RecommendOptions(
    String model,
    int k,
    String users,
    String out,
    Format format,
    Exclude exclude,
    CassandraTarget cassandra) {

  /** Output formats of {@code --out}. */
  public enum Format {
    NDJSON_XZ("ndjson.xz"),
    PARQUET("parquet");

    private final String cliName;

    Format(String cliName) {
      this.cliName = cliName;
    }

    public String cliName() {
      return cliName;
    }

    public static Format parse(String value) {
      for (Format f : values()) {
        if (f.cliName.equalsIgnoreCase(value == null ? "" : value.trim())) {
          return f;
        }
      }
      throw Errors.invalid("--format", value, "use ndjson.xz or parquet.");
    }
  }

  /** Which of a user's training items are left out of the list. */
  public enum Exclude {
    BOUGHT,
    SEEN,
    NONE;

    public static Exclude parse(String value) {
      for (Exclude e : values()) {
        if (e.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
          return e;
        }
      }
      throw Errors.invalid("--exclude", value, "use bought, seen or none.");
    }

    public String cliName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public RecommendOptions {
    if (model == null || model.isBlank()) {
      throw Errors.invalid("--model", model, "pass the --model-out directory of train-als.");
    }
    if (k < 1) {
      throw Errors.mustBePositive("--k", k);
    }
    if ((out == null || out.isBlank()) && cassandra == null) {
      throw Errors.invalid(
          "--out",
          out,
          "pass --out PATH and/or --cassandra-host H --keyspace K to write the lists.");
    }
    format = format == null ? Format.NDJSON_XZ : format;
    exclude = exclude == null ? Exclude.BOUGHT : exclude;
  }
}
