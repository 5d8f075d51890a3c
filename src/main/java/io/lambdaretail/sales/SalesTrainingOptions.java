package io.lambdaretail.sales;

import io.lambdaretail.config.Errors;
import java.util.Locale;

/**
 * What {@link SalesTrainingJob} reads and writes; checked on construction, before Spark starts.
 *
 * @param input the sales CSV: file or directory; local, {@code s3a://} or {@code hdfs://} ({@code
 *     INPUT})
 * @param modelOut model directory ({@code --model-out}, default {@code models/sales})
 * @param holdoutMonths the last N months kept out of training for the metrics ({@code
 *     --holdout-months}, default 3)
 * @param regressor the Spark ML regressor ({@code --regressor}, default gbt)
 * @param quarantine where rejected rows go ({@code --quarantine}, default {@code
 *     <model-out>_quarantine})
 * @param seed random seed of the tree ensembles ({@code --seed})
 * @param iterations boosting iterations (gbt), trees (random-forest) or solver iterations (linear)
 *     ({@code --iterations}, 0 = the regressor's default)
 */
public record SalesTrainingOptions(
    String input,
    String modelOut,
    int holdoutMonths,
    Regressor regressor,
    String quarantine,
    long seed,
    int iterations) {

  /** Default of {@code --model-out}. */
  public static final String DEFAULT_MODEL_OUT = "models/sales";

  /** The regressor at the end of both pipelines (ours and the original feature set). */
  public enum Regressor {
    GBT(30),
    RANDOM_FOREST(40),
    LINEAR(50);

    private final int defaultIterations;

    Regressor(int defaultIterations) {
      this.defaultIterations = defaultIterations;
    }

    /** Iterations when {@code --iterations} is not given. */
    public int defaultIterations() {
      return defaultIterations;
    }

    /** {@code gbt}, {@code random-forest} or {@code linear}, case-insensitive. */
    public static Regressor parse(String value) {
      String key = value == null ? "" : value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
      for (Regressor r : values()) {
        if (r.name().equals(key)) {
          return r;
        }
      }
      throw Errors.invalid("--regressor", value, "use gbt, random-forest or linear.");
    }

    public String cliName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  public SalesTrainingOptions {
    if (input == null || input.isBlank()) {
      throw Errors.invalid("INPUT", input, "pass the sales CSV, e.g. data/sample/sales/sales.csv.");
    }
    if (modelOut == null || modelOut.isBlank()) {
      modelOut = DEFAULT_MODEL_OUT;
    }
    modelOut = modelOut.replaceAll("(?<=.)/+$", "");
    if (holdoutMonths < 1) {
      throw Errors.mustBePositive("--holdout-months", holdoutMonths);
    }
    if (regressor == null) {
      regressor = Regressor.GBT;
    }
    if (iterations < 0) {
      throw Errors.mustBePositive("--iterations", iterations);
    }
    if (iterations == 0) {
      iterations = regressor.defaultIterations();
    }
    if (quarantine == null || quarantine.isBlank()) {
      quarantine = modelOut + "_quarantine";
    }
    if (quarantine.equals(modelOut)) {
      throw Errors.invalid("--quarantine", quarantine, "use a path other than --model-out.");
    }
  }
}
